using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Events;

/// <summary>
/// Serves a service's outbox as an ordered stream: everything after the consumer's cursor, then
/// new events as they commit, until the consumer leaves.
/// </summary>
public static class EventFeed
{
    /// <summary>Every mission, as AIP writes it: <c>missions/-</c>.</summary>
    public const string AllMissions = "-";

    private const int BatchSize = 500;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static (string MissionId, long After, IReadOnlyCollection<string> Types) Parse(string? parent, long afterSequence, IEnumerable<string> types)
    {
        var v = new RequestValidator();
        // AIP-159: the wildcard reads every mission's feed; it is no mission's id.
        var missionId = parent == $"missions/{AllMissions}" ? AllMissions : v.Name("parent", parent, "missions")[0];
        v.Check(afterSequence >= 0, "after_sequence", "must not be negative");
        v.ThrowIfInvalid();
        return (missionId, afterSequence, types.ToHashSet(StringComparer.Ordinal));
    }

    public static async Task StreamAsync(DbContext db, string missionId, long after, IReadOnlyCollection<string> types,
        Func<ChangeEvent, Task> write, CancellationToken cancellationToken)
    {
        var cursor = after;
        while (!cancellationToken.IsCancellationRequested)
        {
            var query = db.Set<OutboxEvent>().AsNoTracking().Where(e => e.Sequence > cursor);
            if (missionId != AllMissions)
            {
                query = query.Where(e => e.MissionId == missionId);
            }

            var batch = await query.OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var e in batch)
            {
                cursor = e.Sequence;
                if (types.Count > 0 && !types.Contains(e.Type))
                {
                    continue;
                }

                await write(new ChangeEvent
                {
                    Sequence = e.Sequence,
                    Type = e.Type,
                    Resource = e.Resource,
                    OccurTime = e.OccurTime.ToProto(),
                    Payload = Any.Parser.ParseFrom(e.Payload),
                });
            }

            if (batch.Count < BatchSize)
            {
                try
                {
                    await Task.Delay(PollInterval, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
