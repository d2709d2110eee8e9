using System.Diagnostics;
using MissionOps.ServiceDefaults.Data;
using MissionOps.Sites.Data;
using MissionOps.Testing;
using Npgsql;

namespace MissionOps.Sites.Tests.Api;

[Collection(SitesCollection.Name)]
public sealed class MigrationTests(SitesApp app)
{
    [Fact]
    public Task A_fresh_database_gets_the_shared_tables_and_the_service_tables_each_from_their_own_migrations() =>
        MigrationCheck.AssertFreshDatabaseMigratesAsync<SitesDbContext>(app.Postgres);

    /// <summary>
    /// Replicas take turns at the demo: the second waits as long as the first takes. Its wait once gave up after Npgsql's
    /// command timeout (30 s), and the replica died at start-up on a busy machine; here commands give up after 1 s.
    /// </summary>
    [Fact]
    public async Task A_replica_waits_its_turn_at_the_seed_lock_longer_than_a_command_may_run()
    {
        var impatient = new NpgsqlConnectionStringBuilder(app.Postgres.ConnectionString("postgres")) { CommandTimeout = 1 }.ConnectionString;
        var first = await SessionLock.TakeAsync(impatient, "missionops.test.turns", CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var second = SessionLock.TakeAsync(impatient, "missionops.test.turns", CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(second.IsCompleted, second.IsFaulted ? $"the second replica gave up: {second.Exception!.InnerException!.Message}" : "both held the lock at once");
        await first.DisposeAsync();
        await using var turn = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(3));
    }
}
