using Google.Protobuf;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Events;
using MissionOps.ServiceDefaults.Idempotency;

namespace MissionOps.ServiceDefaults.Changes;

public sealed partial class ChangePipeline<TDb>
{
    /// <summary>
    /// A change of many aggregates that the change writes itself, in bulk (an imported manifest): a request
    /// that arrives as a stream the change reads and writes as it goes, known by the hash of all it carried and
    /// by the <paramref name="resource"/> it creates. What the written aggregates and every tracked one raised
    /// goes to the outbox with one COPY.
    /// </summary>
    public async Task<TResponse> RunBulkAsync<TResponse>(string method, Guid requestId, HashedRequest request, string resource,
        Func<CancellationToken, Task<(IReadOnlyCollection<IAggregate> Written, TResponse Answer)>> change, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new()
    {
        var raisers = new List<IAggregate>();
        var response = await IdempotentChange.RunAsync(db, requestId, method, request, async ct =>
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
    /// The events as the outbox stores them, in the order raised: one image per aggregate for all its events (an
    /// aggregate's events are raised one after another), made and serialized on every core while the database waits,
    /// as they are most of what a bulk change costs.
    /// </summary>
    private OutboxRow[] Serialized(List<(IAggregate Aggregate, Enum Happened)> raised)
    {
        var starts = new List<int>();
        for (var i = 0; i < raised.Count; i++)
        {
            if (i == 0 || !ReferenceEquals(raised[i].Aggregate, raised[i - 1].Aggregate))
            {
                starts.Add(i);
            }
        }

        starts.Add(raised.Count);
        var rows = new OutboxRow[raised.Count];
        Parallel.For(0, starts.Count - 1, run =>
        {
            var aggregate = raised[starts[run]].Aggregate;
            var (mission, name, image) = (aggregate.MissionId, aggregate.Name, contracts.ImageOf(aggregate).ToByteString());
            for (var i = starts[run]; i < starts[run + 1]; i++)
            {
                rows[i] = OutboxRow.Wrapping(mission, name, contracts.EventType(raised[i].Happened), image);
            }
        });
        return rows;
    }
}
