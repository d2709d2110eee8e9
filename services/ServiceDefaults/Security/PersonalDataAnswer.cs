using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.ServiceDefaults.Audit;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// What becomes of an answer's personal data, once the caller is known: emptied for a caller
/// without a need to know, audited as a read for one with it. The answer to a change is the
/// changed resource, audited with the change already, so only reads write a read entry. What an
/// Any in the answer holds (an event's payload, an audit entry's images) is looked inside with
/// the message types of the service's contract, found from the request.
/// </summary>
internal sealed class PersonalDataAnswer(string? missionId, bool read, bool personalRpc, bool seesPersonal, TypeRegistry? types)
{
    public async Task AnswerAsync(object? response, object? request, ServerCallContext context)
    {
        if (response is not IMessage answer)
        {
            return;
        }

        var known = types ?? PersonalData.TypesOf(answer);
        if (!seesPersonal)
        {
            PersonalData.Redact(answer, known);
        }
        else if (read && (personalRpc || PersonalData.Holds(answer, known)))
        {
            await RecordAsync(request, context);
        }
    }

    /// <summary>A stream of personal data (a feed of movements) is audited once, as it opens.</summary>
    public Task AuditReadAsync(object? request, ServerCallContext context) => personalRpc ? RecordAsync(request, context) : Task.CompletedTask;

    /// <summary>
    /// The stream the service writes to: each message emptied of personal data for a caller without
    /// a need to know; for one with it, a feed any role may follow (a final report's residual team
    /// in Liquidation's events) is audited once, at the first message that holds personal data.
    /// </summary>
    public IServerStreamWriter<T> Answering<T>(IServerStreamWriter<T> stream, object? request, ServerCallContext context)
    {
        if (!seesPersonal)
        {
            return new AnsweringWriter<T>(stream, answer =>
            {
                PersonalData.Redact(answer, types ?? PersonalData.TypesOf(answer));
                return Task.CompletedTask;
            });
        }

        if (!read || personalRpc)
        {
            return stream;
        }

        var audited = false;
        return new AnsweringWriter<T>(stream, async answer =>
        {
            if (!audited && PersonalData.Holds(answer, types ?? PersonalData.TypesOf(answer)))
            {
                audited = true;
                await RecordAsync(request, context);
            }
        });
    }

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

    private sealed class AnsweringWriter<T>(IServerStreamWriter<T> inner, Func<IMessage, Task> before) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

        public async Task WriteAsync(T message, CancellationToken cancellationToken)
        {
            if (message is IMessage answer)
            {
                await before(answer);
            }

            await inner.WriteAsync(message, cancellationToken);
        }
    }
}
