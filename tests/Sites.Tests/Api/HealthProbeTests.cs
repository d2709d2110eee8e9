using Grpc.Health.V1;
using Npgsql;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace MissionOps.Sites.Tests.Api;

/// <summary>
/// Health answers from the database's last probe (every second here, <see cref="SitesApp"/>): a Check call costs
/// PostgreSQL nothing, and a database that stops answering turns the service NOT_SERVING within a probe or two.
/// </summary>
public sealed class HealthProbeTests(SitesApp app) : SitesApiTest(app)
{
    private Health.HealthClient HealthClient => new(App.Service.Channel);

    [Fact]
    public async Task Health_checks_open_no_database_session_of_their_own()
    {
        var before = await SessionsOpenedAsync();

        for (var call = 0; call < 40; call++)
        {
            Assert.Equal(ServingStatus.Serving, (await HealthClient.CheckAsync(new HealthCheckRequest())).Status);
        }

        // A session's count reaches the statistics when it ends, which is at once for a session opened for a check.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.True(await SessionsOpenedAsync() - before < 10, "health checks opened database sessions");
    }

    [Fact]
    public async Task A_database_that_refuses_connections_turns_the_service_NOT_SERVING_and_back_once_it_accepts_them()
    {
        Assert.Equal(ServingStatus.Serving, (await HealthClient.CheckAsync(new HealthCheckRequest())).Status);

        try
        {
            await AdministerAsync("ALTER DATABASE sites_tests WITH ALLOW_CONNECTIONS false",
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'sites_tests'");

            await WaitForStatusAsync(ServingStatus.NotServing);
        }
        finally
        {
            await AdministerAsync("ALTER DATABASE sites_tests WITH ALLOW_CONNECTIONS true");
            // The connections cut above still sit in this process's pools, the service's and the next test's reset's.
            NpgsqlConnection.ClearAllPools();
        }

        await WaitForStatusAsync(ServingStatus.Serving);
    }

    private async Task WaitForStatusAsync(ServingStatus expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        ServingStatus status;
        while ((status = (await HealthClient.CheckAsync(new HealthCheckRequest())).Status) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(expected, status);
    }

    private async Task<long> SessionsOpenedAsync()
    {
        await using var admin = await OpenAdministrationAsync();
        await using var read = new NpgsqlCommand("SELECT sessions FROM pg_stat_database WHERE datname = 'sites_tests'", admin);
        return (long)(await read.ExecuteScalarAsync())!;
    }

    private async Task AdministerAsync(params string[] statements)
    {
        await using var admin = await OpenAdministrationAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, admin);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>On the server's own database, which outlives what is done to the service's.</summary>
    private async Task<NpgsqlConnection> OpenAdministrationAsync()
    {
        var admin = new NpgsqlConnection(App.Postgres.ConnectionString("postgres"));
        await admin.OpenAsync();
        return admin;
    }
}
