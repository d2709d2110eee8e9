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
            // What the change tracked (a unit it recounted) goes first, then what it wrote in bulk in the order written: the
            // demo's people before the movements that carry them.
            var raised = Raised(db.ChangeTracker.Entries().Select(e => e.Entity).OfType<IAggregate>().Concat(written));
            raisers.AddRange(raised.Select(r => r.Aggregate));
            if (raised.Count == 0)
            {
                throw new InvalidOperationException($"{method} changed nothing that raised an event.");
            }

            await db.SaveChangesAsync(ct);
            await EventLog.RecordManyAsync(db, SerializedAsync(raised), clock.GetStorableUtcNow(), ct);
            return answer;
        }, cancellationToken, resource);
        Clear(raisers);
        return response;
    }

    /// <summary>
    /// The events as the outbox stores them, in the order raised: one image per aggregate for all its events (an
    /// aggregate's events are raised one after another). They are most of what a bulk change costs, so they are made
    /// and serialized in batches on the thread pool while the COPY into the outbox takes the batches before them.
    /// </summary>
    private async IAsyncEnumerable<OutboxRow> SerializedAsync(List<(IAggregate Aggregate, Enum Happened)> raised)
    {
        var batches = new List<(int Start, int End, Task Made)>();
        var rows = new OutboxRow[raised.Count];
        for (var start = 0; start < raised.Count;)
        {
            var end = Math.Min(start + EventsPerBatch, raised.Count);
            // A batch ends where an aggregate's run of events does, so each image is made once.
            while (end < raised.Count && ReferenceEquals(raised[end].Aggregate, raised[end - 1].Aggregate))
            {
                end++;
            }

            var (first, last) = (start, end);
            batches.Add((first, last, Task.Run(() => Serialize(raised, rows, first, last))));
            start = end;
        }

        foreach (var (start, end, made) in batches)
        {
            await made;
            for (var i = start; i < end; i++)
            {
                yield return rows[i];
            }
        }
    }

    private const int EventsPerBatch = 4096;

    private void Serialize(List<(IAggregate Aggregate, Enum Happened)> raised, OutboxRow[] rows, int start, int end)
    {
        ByteString image = ByteString.Empty;
        for (var i = start; i < end; i++)
        {
            var aggregate = raised[i].Aggregate;
            if (i == start || !ReferenceEquals(aggregate, raised[i - 1].Aggregate))
            {
                image = contracts.ImageOf(aggregate).ToByteString();
            }

            rows[i] = OutboxRow.Wrapping(aggregate.MissionId, aggregate.Name, contracts.EventType(raised[i].Happened), image);
        }
    }
}
