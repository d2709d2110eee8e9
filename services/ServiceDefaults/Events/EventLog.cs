using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using MissionOps.ServiceDefaults.Data;
using Npgsql;
using NpgsqlTypes;

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

    /// <summary>
    /// Writes many events at once with binary COPY, in the transaction of the change that made them,
    /// under the same lock as <see cref="RecordAsync"/>: an import of a manifest raises hundreds of thousands.
    /// </summary>
    public static async Task RecordManyAsync(DbContext db, IEnumerable<(string MissionId, string Resource, IMessage Payload)> events,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await TransactionLock.TakeAsync(db, "missionops.outbox", cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY outbox_events (mission_id, type, resource, occur_time, payload) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (missionId, resource, payload) in events)
        {
            writer.StartRow();
            writer.Write(missionId, NpgsqlDbType.Text);
            writer.Write(payload.Descriptor.FullName, NpgsqlDbType.Text);
            writer.Write(resource, NpgsqlDbType.Text);
            writer.Write(now, NpgsqlDbType.TimestampTz);
            writer.Write(Any.Pack(payload).ToByteArray(), NpgsqlDbType.Bytea);
        }

        await writer.CompleteAsync(cancellationToken);
    }
}
