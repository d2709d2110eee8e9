using System.Diagnostics;
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
    private const string OutboxLock = "missionops.outbox";

    /// <summary>
    /// Adds the event to the unit of work. Writers of events take one transaction-scoped lock first,
    /// so events commit in the order of their sequence: a reader that has seen sequence N will
    /// never later find a smaller one appear. With the lock they ask for the feeds to be woken when they commit.
    /// </summary>
    public static async Task RecordAsync(DbContext db, string missionId, string type, string resource, IMessage payload, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await LockAndNotifyAsync(db, cancellationToken);
        db.Set<OutboxEvent>().Add(new OutboxEvent
        {
            MissionId = missionId,
            Type = type,
            Resource = resource,
            OccurTime = now,
            Payload = Any.Pack(payload).ToByteArray(),
            TraceParent = TraceParent(),
        });
    }

    /// <summary>
    /// Writes many events at once with binary COPY, in the transaction of the change that made them,
    /// under the same lock as <see cref="RecordAsync"/>: an import of a manifest raises hundreds of thousands.
    /// </summary>
    public static async Task RecordManyAsync(DbContext db, IAsyncEnumerable<OutboxRow> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LockAndNotifyAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY outbox_events (mission_id, type, resource, occur_time, payload, trace_parent) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var traceParent = TraceParent();
        await foreach (var row in events.WithCancellation(cancellationToken))
        {
            writer.StartRow();
            writer.Write(row.MissionId, NpgsqlDbType.Text);
            writer.Write(row.Type, NpgsqlDbType.Text);
            writer.Write(row.Resource, NpgsqlDbType.Text);
            writer.Write(now, NpgsqlDbType.TimestampTz);
            writer.Write(row.Payload, NpgsqlDbType.Bytea);
            if (traceParent is null)
            {
                writer.WriteNull();
            }
            else
            {
                writer.Write(traceParent, NpgsqlDbType.Varchar);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>The change's trace, carried by its events to whoever acts on them: only a W3C id can be sent on.</summary>
    private static string? TraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    /// <summary>One round trip: PostgreSQL sends one notification per transaction however many events it writes.</summary>
    private static async Task LockAndNotifyAsync(DbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtext({OutboxLock})), pg_notify({OutboxSignal.Channel}, '')", cancellationToken);
}

/// <summary>An event ready for the outbox: its payload packed and serialized.</summary>
public readonly record struct OutboxRow(string MissionId, string Type, string Resource, byte[] Payload)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Google.Protobuf.Reflection.MessageDescriptor, string> TypeUrls = new();

    /// <summary>
    /// An event whose only field, 1, is the image already serialized: the bytes <c>Any.Pack(event)</c> would make, written
    /// straight into one array, without serializing the image once per event or an <c>Any</c> per event, which is most of
    /// the cost of a manifest's hundreds of thousands.
    /// </summary>
    public static OutboxRow Wrapping(string missionId, string resource, Google.Protobuf.Reflection.MessageDescriptor eventType, ByteString image)
    {
        var typeUrl = TypeUrls.GetOrAdd(eventType, static t => "type.googleapis.com/" + t.FullName);
        var message = CodedOutputStream.ComputeTagSize(1) + CodedOutputStream.ComputeBytesSize(image);
        var payload = new byte[CodedOutputStream.ComputeTagSize(Any.TypeUrlFieldNumber) + CodedOutputStream.ComputeStringSize(typeUrl)
            + CodedOutputStream.ComputeTagSize(Any.ValueFieldNumber) + CodedOutputStream.ComputeLengthSize(message) + message];
        var output = new CodedOutputStream(payload);
        output.WriteTag(Any.TypeUrlFieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteString(typeUrl);
        output.WriteTag(Any.ValueFieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteLength(message);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(image);
        output.CheckNoSpaceLeft();
        return new(missionId, eventType.FullName, resource, payload);
    }
}
