using System.Threading.Channels;
using Google.Protobuf;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace MissionOps.ServiceDefaults.Audit;

/// <summary>
/// Reads of personal data, audited like changes: one entry per call that answered with personal
/// data, naming the resource read (a person, a movement) or, for a list, its parent with the
/// request itself as the query; no request id, nothing before, the request as <c>after</c>.
/// </summary>
/// <remarks>
/// Written in groups, as PostgreSQL commits: a read waits until its entry is stored before its
/// answer leaves, but the reads that arrive while one write is under way share the next one, a
/// single COPY. A busy service pays one round trip and one commit per group instead of per read
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
                await CopyAsync(group, cancellationToken);
                group.ForEach(p => p.Stored.TrySetResult());
            }
            catch (Exception e)
            {
                // Each read fails as its own write would have: a transient failure is answered UNAVAILABLE, to be sent again.
                group.ForEach(p => p.Stored.TrySetException(e));
            }
        }
    }

    private async Task CopyAsync(List<Pending> group, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY audit_entries (mission_id, subject, roles, partner, method, request_id, resource, occur_time, peer, user_agent, trace_id, before, after) " +
            "FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (entry, _) in group)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(entry.MissionId, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(entry.Subject, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(entry.Roles, NpgsqlDbType.Text, cancellationToken);
            await WriteOrNullAsync(copy, entry.Partner, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(entry.Method, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(entry.RequestId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(entry.Resource, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(entry.OccurTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteOrNullAsync(copy, entry.Peer, NpgsqlDbType.Varchar, cancellationToken);
            await WriteOrNullAsync(copy, entry.UserAgent, NpgsqlDbType.Varchar, cancellationToken);
            await WriteOrNullAsync(copy, entry.TraceId, NpgsqlDbType.Varchar, cancellationToken);
            await WriteOrNullAsync(copy, entry.Before, NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(entry.After, NpgsqlDbType.Bytea, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    public override void Dispose()
    {
        base.Dispose();
        database.Dispose();
    }

    private static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private sealed record Pending(AuditRecord Entry, TaskCompletionSource Stored);
}
