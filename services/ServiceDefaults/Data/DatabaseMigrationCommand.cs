using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MissionOps.ServiceDefaults.Data;

/// <summary>
/// <c>Sites migrate</c>: the service's program brings its database up to date and exits, without starting, listening
/// or needing anything but its connection string. A deployment runs it once before a rollout (a Kubernetes Job), so
/// the replicas that follow need no right to change the schema and never race to change it.
/// </summary>
public static class DatabaseMigrationCommand
{
    public const string Name = "migrate";

    public static bool IsRequested(string[] args) => args is [Name];

    /// <returns>The process's exit code: 0 once both contexts are migrated.</returns>
    public static async Task<int> MigrateDatabaseAsync<TContext>(this WebApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        builder.AddServiceDbContexts<TContext>(connectionName);
        var app = builder.Build();
        await using (app.ConfigureAwait(false))
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrationCommand));
            await using var scope = app.Services.CreateAsyncScope();
            var shared = scope.ServiceProvider.GetRequiredService<SharedTablesDbContext>();
            var service = scope.ServiceProvider.GetRequiredService<TContext>();
            var applied = await DatabaseMigrator.MigrateAsync(shared, service, CancellationToken.None);
            logger.LogInformation("{Database} is up to date: {Applied} migrations of {Context} applied now, {Total} in all",
                connectionName, applied, typeof(TContext).Name, service.Database.GetMigrations().Count());
            return 0;
        }
    }
}
