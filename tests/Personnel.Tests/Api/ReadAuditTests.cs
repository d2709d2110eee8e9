using Grpc.Core;
using MissionOps.Common.V1;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using Npgsql;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

/// <summary>
/// Reads of personal data share their audit writes (decision 0021), and sharing must not loosen the rule: every read
/// has its own entry, and no answer leaves before its entry is stored.
/// </summary>
public sealed class ReadAuditTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public async Task Reads_made_together_each_have_their_entry()
    {
        await HireAsync("amadou");
        await HireAsync("fatoumata");
        var reader = ClientAs("minusma:personnel");
        var before = await ReadEntriesAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => i % 3 == 0
            ? reader.ListPersonnelAsync(new ListPersonnelRequest { Parent = Minusma, PageSize = 1 + i }).ResponseAsync.ContinueWith(t => t.Result.Personnel.Count)
            : reader.GetPersonAsync(new GetPersonRequest { Name = PersonName(i % 2 == 0 ? "amadou" : "fatoumata") }).ResponseAsync.ContinueWith(_ => 1)));

        var entries = (await ReadEntriesAsync()).Skip(before.Count).ToList();
        Assert.All(answers, count => Assert.True(count >= 1));
        Assert.Equal(60, entries.Count);
        Assert.Equal(20, entries.Count(e => e.Method.EndsWith("/ListPersonnel", StringComparison.Ordinal)));
        Assert.Equal([(PersonName("amadou"), 20), (PersonName("fatoumata"), 20)],
            entries.Where(e => e.Method.EndsWith("/GetPerson", StringComparison.Ordinal)).GroupBy(e => e.Resource).Select(g => (g.Key, g.Count())).Order());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => 1 + (3 * (i - 1))).ToList(),
            entries.Where(e => e.Method.EndsWith("/ListPersonnel", StringComparison.Ordinal)).Select(e => e.After.Unpack<ListPersonnelRequest>().PageSize).Order());
    }

    [Fact]
    public async Task A_read_is_answered_only_once_its_entry_is_stored_and_fails_when_it_cannot_be()
    {
        await HireAsync("amadou");
        var reader = ClientAs("minusma:personnel");
        var read = new GetPersonRequest { Name = PersonName("amadou") };
        await reader.GetPersonAsync(read);

        await using (var blocker = await LockAuditLogAsync())
        {
            var waiting = reader.GetPersonAsync(read).ResponseAsync;
            var first = await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(2)));
            Assert.NotSame(waiting, first);
            await blocker.DisposeAsync();
            Assert.Equal(read.Name, (await waiting).Name);
        }

        var stored = await ReadEntriesAsync();
        await using (var blocker = await LockAuditLogAsync())
        {
            var waiting = reader.GetPersonAsync(read).ResponseAsync;
            await WaitForInsertAsync(blocker);
            await TerminateInsertAsync(blocker);
            await RpcAssert.Fails(StatusCode.Unavailable, () => waiting);
        }

        Assert.Equal(stored.Count, (await ReadEntriesAsync()).Count);
        Assert.Equal(read.Name, (await reader.GetPersonAsync(read)).Name);
        Assert.Equal(stored.Count + 1, (await ReadEntriesAsync()).Count);
    }

    private async Task<List<AuditEntry>> ReadEntriesAsync()
    {
        var entries = new List<AuditEntry>();
        var request = new ListAuditEntriesRequest { Parent = Minusma, PageSize = 1000 };
        do
        {
            var page = await Client.ListAuditEntriesAsync(request);
            entries.AddRange(page.AuditEntries.Where(e => e.RequestId.Length == 0 && !e.Method.EndsWith("/ListAuditEntries", StringComparison.Ordinal)));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return entries.OrderBy(e => e.Sequence).ToList();
    }

    /// <summary>A transaction that holds the audit log so that nothing can be added to it until it ends.</summary>
    private async Task<NpgsqlConnection> LockAuditLogAsync()
    {
        var connection = new NpgsqlConnection(App.Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("BEGIN; LOCK TABLE audit_entries IN EXCLUSIVE MODE", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task WaitForInsertAsync(NpgsqlConnection blocker)
    {
        for (var tries = 0; tries < 100 && await InsertsWaitingAsync(blocker) == 0; tries++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, await InsertsWaitingAsync(blocker));
    }

    private static async Task<long> InsertsWaitingAsync(NpgsqlConnection blocker)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'INSERT INTO audit_entries%' AND wait_event_type = 'Lock'", blocker);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task TerminateInsertAsync(NpgsqlConnection blocker)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'INSERT INTO audit_entries%'", blocker);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
