using Google.Protobuf;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Events;
using MissionOps.ServiceDefaults.Idempotency;

namespace MissionOps.ServiceDefaults.Changes;

public sealed partial class ChangePipeline<TDb>
{
    /// <summary>
    /// A change of many aggregates that the change writes itself, in bulk (an imported manifest): a request
    /// that arrives as a stream, known by the hash of what was read and by the <paramref name="resource"/> it
    /// creates. What the written aggregates and every tracked one raised goes to the outbox with one COPY.
    /// </summary>
    public async Task<TResponse> RunBulkAsync<TResponse>(string method, Guid requestId, byte[] requestHash, string resource,
        Func<CancellationToken, Task<(IReadOnlyCollection<IAggregate> Written, TResponse Answer)>> change, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new()
    {
        var raisers = new List<IAggregate>();
        var response = await IdempotentChange.RunAsync(db, requestId, method, requestHash, async ct =>
        {
            var (written, answer) = await change(ct);
            // What the change tracked goes first: the people a manifest records come before the movements that carry them.
            var raised = Raised(db.ChangeTracker.Entries().Select(e => e.Entity).OfType<IAggregate>().Concat(written));
            raisers.AddRange(raised.Select(r => r.Aggregate));
            if (raised.Count == 0)
            {
                throw new InvalidOperationException($"{method} changed nothing that raised an event.");
            }

            await db.SaveChangesAsync(ct);
            await EventLog.RecordManyAsync(db, Serialized(raised), clock.GetStorableUtcNow(), ct);
            return answer;
        }, cancellationToken, resource);
        Clear(raisers);
        return response;
    }

    /// <summary>
    /// The events as the outbox stores them, in the order raised: one image per aggregate for all its events, made
    /// and serialized on every core while the database waits, as they are most of what a bulk change costs.
    /// </summary>
    private List<OutboxRow> Serialized(List<(IAggregate Aggregate, Enum Happened)> raised) =>
        raised.GroupBy(r => r.Aggregate, ReferenceEqualityComparer.Instance)
            .AsParallel().AsOrdered()
            .SelectMany(events =>
            {
                var aggregate = (IAggregate)events.Key!;
                var image = contracts.ImageOf(aggregate).ToByteString();
                return events.Select(e => OutboxRow.Wrapping(aggregate.MissionId, aggregate.Name, contracts.EventType(e.Happened), image)).ToList();
            })
            .ToList();
}
