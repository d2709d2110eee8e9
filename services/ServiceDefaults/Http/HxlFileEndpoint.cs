using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.ServiceDefaults.Http;

/// <summary>
/// An HXL export as a file partners fetch by URL, <c>GET /v1/missions/{mission}/{file}.hxl.csv[?as_of=YYYY-MM-DD]</c>: the
/// export RPC with the caller's bearer token, or with a signed link's signer (<c>POST …:sign</c>); ETag and conditional GET.
/// </summary>
public static class HxlFileEndpoint
{
    public static IEndpointRouteBuilder MapHxlFile<TRequest, TResponse>(this IEndpointRouteBuilder app, Google.Protobuf.Reflection.ServiceDescriptor service, string rpc, string file)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var method = new Method<TRequest, TResponse>(MethodType.Unary, service.FullName, rpc, OwnGrpc.Marshaller<TRequest>(), OwnGrpc.Marshaller<TResponse>());
        var route = $"/v1/missions/{{mission}}/{file}.hxl.csv";
        app.MapGet(route, async (HttpContext http, string mission, string? as_of, string? signature, string? expires) =>
        {
            var path = Path(mission, file);
            string? token = null;
            if (signature is not null)
            {
                var (signer, refusal) = http.RequestServices.GetRequiredService<SignedLinks>().Open(path, signature, expires);
                if (signer is null)
                {
                    return StatusJson.Refusal(Google.Rpc.Code.Unauthenticated, refusal!, ErrorReason.AuthenticationRequired);
                }

                token = TokenFor(http, signer);
            }

            var (csv, failure) = await ExportAsync(http, method, mission, as_of, token);
            if (failure is not null)
            {
                return failure;
            }

            var bytes = Encoding.UTF8.GetBytes(csv!);
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"";
            http.Response.Headers.ETag = etag;
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Select(t => t.Trim()).Contains(etag))))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            var name = as_of is null ? $"{mission}-{file}.hxl.csv" : $"{mission}-{file}-{as_of}.hxl.csv";
            return Results.File(bytes, "text/csv; charset=utf-8", name);
        });

        app.MapPost($"{route}:sign", async (HttpContext http, string mission, string? as_of, string? ttl) =>
        {
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return StatusJson.TokenRequired();
            }

            // A link is read as its signer by a token the service issues itself: without a key of its own it can sign none.
            if (http.RequestServices.GetService<TokenIssuer>() is null)
            {
                return StatusJson.Refusal(Google.Rpc.Code.FailedPrecondition,
                    "This service has no signing key of its own (Auth:SigningKey), so it signs no links: fetch the file with a bearer token.",
                    ErrorReason.SignedLinksNotConfigured);
            }

            var lifetime = SignedLinks.DefaultLifetime;
            if (ttl is not null && !(TryParseDuration(ttl, out lifetime) && lifetime > TimeSpan.Zero && lifetime <= SignedLinks.MaxLifetime))
            {
                return StatusJson.Refusal(Google.Rpc.Code.InvalidArgument,
                    $"ttl must be a duration in seconds ('3600s'), more than none and at most 7 days ('604800s'); '{ttl}' is not.", ErrorReason.InvalidRequest);
            }

            // Signing needs exactly the access reading does: the export is asked once, as the signer.
            var (_, failure) = await ExportAsync(http, method, mission, as_of, token: null);
            if (failure is not null)
            {
                return failure;
            }

            var path = Path(mission, file);
            var (query, expiresAt) = http.RequestServices.GetRequiredService<SignedLinks>().Sign(path, SignedLinks.SignerOf(http.User), lifetime);
            var asOf = as_of is null ? string.Empty : $"as_of={Uri.EscapeDataString(as_of)}&";
            return Results.Json(new Dictionary<string, string>
            {
                ["url"] = $"{http.Request.Scheme}://{http.Request.Host}{path}?{asOf}{query}",
                ["expire_time"] = expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            });
        });
        return app;
    }

    private static string Path(string mission, string file) => $"/v1/missions/{mission}/{file}.hxl.csv";

    private static async Task<(string? Csv, IResult? Failure)> ExportAsync<TRequest, TResponse>(HttpContext http, Method<TRequest, TResponse> method,
        string mission, string? asOf, string? token)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var request = new TRequest();
        Field(request, "parent").Accessor.SetValue(request, $"missions/{mission}");
        if (asOf is not null)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                return (null, StatusJson.Refusal(Google.Rpc.Code.InvalidArgument, $"as_of must be a day, YYYY-MM-DD; '{asOf}' is not.", ErrorReason.InvalidRequest));
            }

            Field(request, "as_of_date").Accessor.SetValue(request, new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day });
        }

        try
        {
            var response = await http.RequestServices.GetRequiredService<OwnGrpc>().InvokerFor(http)
                .AsyncUnaryCall(method, null, OwnGrpc.OptionsFor(http, token), request);
            return ((string)Field(response, "csv").Accessor.GetValue(response), null);
        }
        catch (RpcException e)
        {
            return (null, StatusJson.From(e));
        }
    }

    private static FieldDescriptor Field(IMessage message, string name) => message.Descriptor.FindFieldByName(name);

    /// <summary>A token for this service alone, a minute long, holding the signer's roles and scope: the link reads as its signer.</summary>
    private static string TokenFor(HttpContext http, LinkSigner signer)
    {
        var issuer = http.RequestServices.GetService<TokenIssuer>()
            ?? throw new InvalidOperationException("Signed links need the service's own signing key (Auth:SigningKey).");
        var service = http.RequestServices.GetRequiredService<RpcPermissions>().Service;
        return issuer.Issue(signer.Subject, [TokenIssuer.AudienceOf(service)], signer.Roles, TimeSpan.FromMinutes(1), signer.Partner,
            missionRegions: signer.Regions);
    }

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (!text.EndsWith('s') || !long.TryParse(text[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || seconds > (long)SignedLinks.MaxLifetime.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
