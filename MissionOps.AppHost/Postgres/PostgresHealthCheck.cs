using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace MissionOps.AppHost.Postgres;

/// <summary>Healthy once the local server accepts a connection and answers a query.</summary>
public static class PostgresHealthCheck
{
    public static string Register(IDistributedApplicationBuilder builder, LocalPostgresServerResource server)
    {
        var key = $"{server.Name}-accepts-connections";
        builder.Services.AddHealthChecks().AddAsyncCheck(key, async cancellationToken =>
        {
            try
            {
                var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
                await using var connection = new NpgsqlConnection(connectionString + ";Timeout=3");
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL does not accept connections yet.", exception);
            }
        });
        return key;
    }
}
