using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using MissionOps.ServiceDefaults.Data;

namespace MissionOps.ServiceDefaults.Events;

/// <summary>Records changes in the outbox, inside the transaction that makes them.</summary>
public static class EventLog
{
    /// <summary>
    /// Adds the event to the unit of work. Writers of events take one transaction-scoped lock first,
    /// so events commit in the order of their sequence: a reader that has seen sequence N will
    /// never later find a smaller one appear.
    /// </summary>
    public static async Task RecordAsync(DbContext db, string missionId, string type, string resource, IMessage payload, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await TransactionLock.TakeAsync(db, "missionops.outbox", cancellationToken);
        db.Set<OutboxEvent>().Add(new OutboxEvent
        {
            MissionId = missionId,
            Type = type,
            Resource = resource,
            OccurTime = now,
            Payload = Any.Pack(payload).ToByteArray(),
        });
    }
}
