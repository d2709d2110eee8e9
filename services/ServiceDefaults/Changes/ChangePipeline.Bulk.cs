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
        _ahead = null;
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
            var ahead = _ahead is null ? null : await _ahead;
            _ahead = null;
            await EventLog.RecordManyAsync(db, Serialized(raised, ahead), clock.GetStorableUtcNow(), ct);
            return answer;
        }, cancellationToken, resource);
        Clear(raisers);
        return response;
    }

    /// <summary>
    /// Starts making the outbox rows of aggregates that are final though not yet written, while the change writes
    /// them: a bulk change's own rows and its events' payloads then cost the time of the longer, not of both.
    /// </summary>
    public void SerializeAhead(IReadOnlyCollection<IAggregate> aggregates)
    {
        var raised = Raised(aggregates);
        _ahead = Task.Run(() => Rows(raised));
    }

    /// <summary>The events as the outbox stores them, in the order raised; those made ahead are taken as they are.</summary>
    private List<OutboxRow> Serialized(List<(IAggregate Aggregate, Enum Happened)> raised, Dictionary<object, List<OutboxRow>>? ahead)
    {
        var rest = Rows(ahead is null ? raised : raised.Where(r => !ahead.ContainsKey(r.Aggregate)).ToList());
        return raised.Select(r => (object)r.Aggregate).Distinct(ReferenceEqualityComparer.Instance)
            .SelectMany(a => ahead?.GetValueOrDefault(a!) ?? rest[a!])
            .ToList();
    }

    /// <summary>
    /// One image per aggregate for all its events, made and serialized on every core, as they are most of what a
    /// bulk change costs besides its own rows.
    /// </summary>
    private Dictionary<object, List<OutboxRow>> Rows(List<(IAggregate Aggregate, Enum Happened)> raised) =>
        raised.GroupBy(r => r.Aggregate, ReferenceEqualityComparer.Instance)
            .AsParallel()
            .Select(events =>
            {
                var aggregate = (IAggregate)events.Key!;
                var image = contracts.ImageOf(aggregate).ToByteString();
                return (Aggregate: (object)aggregate,
                    Rows: events.Select(e => OutboxRow.Wrapping(aggregate.MissionId, aggregate.Name, contracts.EventType(e.Happened), image)).ToList());
            })
            .ToDictionary(r => r.Aggregate, r => r.Rows, ReferenceEqualityComparer.Instance);
}
