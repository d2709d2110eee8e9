using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.ServiceDefaults.Audit;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// What becomes of an answer's personal data, once the caller is known: emptied for a caller
/// without a need to know, audited as a read for one with it. The answer to a change is the
/// changed resource, audited with the change already, so only reads write a read entry.
/// </summary>
internal sealed class PersonalDataAnswer(string? missionId, bool read, bool personalRpc, bool seesPersonal)
{
    public async Task AnswerAsync(object? response, object? request, ServerCallContext context)
    {
        if (response is not IMessage answer)
        {
            return;
        }

        if (!seesPersonal)
        {
            PersonalData.Redact(answer);
        }
        else if (read && (personalRpc || PersonalData.Holds(answer)))
        {
            await RecordAsync(request, context);
        }
    }

    /// <summary>A stream of personal data (a feed of movements) is audited once, as it opens.</summary>
    public Task AuditReadAsync(object? request, ServerCallContext context) => personalRpc ? RecordAsync(request, context) : Task.CompletedTask;

    public IServerStreamWriter<T> Redacting<T>(IServerStreamWriter<T> stream) => seesPersonal ? stream : new RedactingWriter<T>(stream);

    private async Task RecordAsync(object? request, ServerCallContext context)
    {
        if (missionId is null || request is not IMessage query
            || context.GetHttpContext().RequestServices.GetService<PersonalDataReads>() is not { } reads)
        {
            return;
        }

        await reads.RecordAsync(missionId, ResourceOf(query) ?? $"missions/{missionId}", query, context.CancellationToken);
    }

    /// <summary>The resource a read names: the first resource name in the request (a person's name, a list's parent, a site).</summary>
    private static string? ResourceOf(IMessage message) => message.Descriptor.Fields.InFieldNumberOrder()
        .Where(f => f is { FieldType: FieldType.String, IsRepeated: false, IsMap: false })
        .Select(f => f.Accessor.GetValue(message) as string)
        .FirstOrDefault(v => v is not null && v.StartsWith("missions/", StringComparison.Ordinal));

    private sealed class RedactingWriter<T>(IServerStreamWriter<T> inner) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

        public Task WriteAsync(T message, CancellationToken cancellationToken)
        {
            if (message is IMessage answer)
            {
                PersonalData.Redact(answer);
            }

            return inner.WriteAsync(message, cancellationToken);
        }
    }
}
