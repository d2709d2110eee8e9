using System.Globalization;
using System.Resources;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Net.Http.Headers;
using MissionOps.Common.V1;
using MissionOps.Client;

namespace MissionOps.ServiceDefaults.Errors;

/// <summary>
/// Every error in the caller's language: a <c>google.rpc.LocalizedMessage</c> in English or French, as the request's
/// <c>accept-language</c> asks (English when it asks for neither), saying what the reason means and what to do
/// (<c>ErrorMessages.resx</c>, <c>ErrorMessages.fr.resx</c>), and for bad input which fields.
/// </summary>
public static class ErrorLanguage
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    private static readonly ResourceManager Messages = new("MissionOps.ServiceDefaults.Errors.ErrorMessages", typeof(ErrorLanguage).Assembly);

    /// <summary>The language of the caller's <c>accept-language</c> the services speak, by the caller's preference.</summary>
    public static CultureInfo Of(string? acceptLanguage)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptLanguage?.Split(','), out var ranges))
        {
            return English;
        }

        foreach (var range in ranges.OrderByDescending(r => r.Quality ?? 1))
        {
            var language = range.Value.Value?.Split('-')[0];
            if (string.Equals(language, "fr", StringComparison.OrdinalIgnoreCase))
            {
                return French;
            }

            if (string.Equals(language, "en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return English;
    }

    /// <summary>What the reason means and what to do, in <paramref name="language"/>; null for a reason no error is answered with.</summary>
    public static string? MessageOf(ErrorReason reason, CultureInfo language) => Messages.GetString(reason.WireName(), language);

    /// <summary>The error with its message in <paramref name="language"/> added, when it is one of the services' and has none yet.</summary>
    public static RpcException Localized(RpcException error, CultureInfo language)
    {
        var status = error.GetRpcStatus();
        if (status is null || status.GetDetail<LocalizedMessage>() is not null
            || status.GetDetail<ErrorInfo>() is not { Domain: ErrorDomain.Name } info || ErrorReasons.Parse(info.Reason) is not { } reason)
        {
            return error;
        }

        var message = MessageOf(reason, language) ?? status.Message;
        if (status.GetDetail<BadRequest>() is { FieldViolations.Count: > 0 } badRequest)
        {
            var fields = string.Join(", ", badRequest.FieldViolations.Select(v => v.Field).Distinct());
            message += language == French ? $" Champs : {fields}." : $" Fields: {fields}.";
        }

        status.Details.Add(Any.Pack(new LocalizedMessage { Locale = language.Name, Message = message }));
        return status.ToRpcException();
    }
}
