using System.Threading.Channels;
using Google.Protobuf;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace MissionOps.ServiceDefaults.Audit;

/// <summary>
/// Reads of personal data, audited like changes: one entry per call that answered with personal
/// data, naming the resource read (a person, a movement) or, for a list, its parent with the
/// request itself as the query; no request id, nothing before, the request as <c>after</c>.
/// </summary>
/// <remarks>
/// Written in groups, as PostgreSQL commits: a read waits until its entry is stored before its
/// answer leaves, but the reads that arrive while one write is under way share the next one, a
/// single INSERT. A busy service pays one round trip and one commit per group instead of per read
/// (decision 0021); an idle one waits on the queue and costs nothing.
/// </remarks>
public sealed class PersonalDataReads(string connectionString, TimeProvider clock) : BackgroundService
{
    private const int MostPerWrite = 1_000;

    private readonly NpgsqlDataSource database = NpgsqlDataSource.Create(connectionString);

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stores the entry for the current caller's read; done once it is in the audit log.</summary>
    public Task RecordAsync(string missionId, string resource, IMessage query, CancellationToken cancellationToken)
    {
        if (AuditLog.EntryFor(missionId, Guid.Empty, resource, query, clock.GetUtcNow()) is not { } entry)
        {
            return Task.CompletedTask;
        }

        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return queue.Writer.TryWrite(pending)
            ? pending.Stored.Task.WaitAsync(cancellationToken)
            : throw new InvalidOperationException("The service is stopping: personal data is no longer answered.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>(MostPerWrite);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteWaitingAsync(group, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            queue.Writer.TryComplete();
            await WriteWaitingAsync(group, CancellationToken.None);
        }
    }

    private async Task WriteWaitingAsync(List<Pending> group, CancellationToken cancellationToken)
    {
        while (true)
        {
            group.Clear();
            while (group.Count < MostPerWrite && queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            if (group.Count == 0)
            {
                return;
            }

            try
            {
                await InsertAsync(group, cancellationToken);
                group.ForEach(p => p.Stored.TrySetResult());
            }
            catch (Exception e)
            {
                // Each read fails as its own write would have: a transient failure is answered UNAVAILABLE, to be sent again.
                group.ForEach(p => p.Stored.TrySetException(e));
            }
        }
    }

    /// <summary>One statement, prepared, whatever the group's size: one round trip where a COPY takes two.</summary>
    private async Task InsertAsync(List<Pending> group, CancellationToken cancellationToken)
    {
        await using var insert = database.CreateCommand("""
            INSERT INTO audit_entries (mission_id, subject, roles, partner, method, request_id, resource, occur_time, peer, user_agent, trace_id, before, after)
            SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[], $4::text[], $5::varchar[], $6::uuid[], $7::text[], $8::timestamptz[],
                                 $9::varchar[], $10::varchar[], $11::varchar[], $12::bytea[], $13::bytea[])
            """);
        var entries = group.ConvertAll(p => p.Entry);
        insert.Parameters.Add(Column(entries, e => e.MissionId));
        insert.Parameters.Add(Column(entries, e => e.Subject));
        insert.Parameters.Add(Column(entries, e => e.Roles));
        insert.Parameters.Add(Column(entries, e => e.Partner));
        insert.Parameters.Add(Column(entries, e => e.Method));
        insert.Parameters.Add(Column(entries, e => e.RequestId));
        insert.Parameters.Add(Column(entries, e => e.Resource));
        insert.Parameters.Add(Column(entries, e => e.OccurTime));
        insert.Parameters.Add(Column(entries, e => e.Peer));
        insert.Parameters.Add(Column(entries, e => e.UserAgent));
        insert.Parameters.Add(Column(entries, e => e.TraceId));
        insert.Parameters.Add(Column(entries, e => e.Before));
        insert.Parameters.Add(Column(entries, e => e.After));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter<T[]> Column<T>(List<AuditRecord> entries, Func<AuditRecord, T> value) => new() { TypedValue = entries.Select(value).ToArray() };

    public override void Dispose()
    {
        base.Dispose();
        database.Dispose();
    }

    private sealed record Pending(AuditRecord Entry, TaskCompletionSource Stored);
}
