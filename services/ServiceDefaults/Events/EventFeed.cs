using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Events;

/// <summary>
/// Serves a service's outbox as an ordered stream: everything after the consumer's cursor, then
/// new events as they commit, until the consumer leaves. A stream that has caught up waits for the
/// outbox's next commit (<see cref="OutboxSignal"/>), reading again at least every <see cref="OutboxSignal.SafetyPoll"/>
/// in case a notification was lost, and every <see cref="FallbackPoll"/> while they cannot be heard.
/// </summary>
public static class EventFeed
{
    /// <summary>Every mission, as AIP writes it: <c>missions/-</c>.</summary>
    public const string AllMissions = "-";

    private const int BatchSize = 500;
    private static readonly TimeSpan FallbackPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a stream with nothing to say stays silent before it sends a heartbeat.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);

    /// <summary>The request's parent, cursor and types; a type not in <paramref name="known"/> is refused, naming it.</summary>
    public static (string MissionId, long After, IReadOnlyCollection<string> Types) Parse(string? parent, long afterSequence, IEnumerable<string> types,
        IReadOnlySet<string> known)
    {
        var v = new RequestValidator();
        var index = 0;
        foreach (var type in types)
        {
            v.Check(known.Contains(type), $"event_types[{index++}]",
                $"'{type}' is not an event of this service: its events are the messages of its events.proto");
        }

        // AIP-159: the wildcard reads every mission's feed; it is no mission's id.
        var missionId = parent == $"missions/{AllMissions}" ? AllMissions : v.Name("parent", parent, "missions")[0];
        v.Check(afterSequence >= 0, "after_sequence", "must not be negative");
        v.ThrowIfInvalid();
        return (missionId, afterSequence, types.ToHashSet(StringComparer.Ordinal));
    }

    public static async Task StreamAsync(DbContext db, OutboxSignal signal, string missionId, long after, IReadOnlyCollection<string> types,
        Func<ChangeEvent, Task> write, CancellationToken cancellationToken)
    {
        var cursor = after;
        var lastWrite = TimeProvider.System.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            var committed = signal.NextCommit;
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
                    Traceparent = e.TraceParent ?? string.Empty,
                });
                lastWrite = TimeProvider.System.GetTimestamp();
            }

            // A heartbeat carries no type, only how far the feed has read: a consumer that resumes
            // after it misses nothing of the types it asked for.
            if (TimeProvider.System.GetElapsedTime(lastWrite) >= HeartbeatInterval)
            {
                await write(new ChangeEvent { Sequence = cursor, OccurTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) });
                lastWrite = TimeProvider.System.GetTimestamp();
            }

            if (batch.Count < BatchSize)
            {
                try
                {
                    await committed.WaitAsync(signal.IsListening ? signal.SafetyPoll : FallbackPoll, cancellationToken);
                }
                catch (TimeoutException)
                {
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
