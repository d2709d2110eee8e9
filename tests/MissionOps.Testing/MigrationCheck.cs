using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using MissionOps.ServiceDefaults.Data;
using Npgsql;
using Xunit;

namespace MissionOps.Testing;

/// <summary>
/// A service's migrations as the service applies them at start-up: the shared tables' (<see cref="SharedTablesDbContext"/>),
/// then its own, on a fresh database. Both models must be what their migrations create, each history must hold
/// exactly its own migrations, and the shared tables must be the shared migrations' alone.
/// </summary>
public static class MigrationCheck
{
    public static async Task AssertFreshDatabaseMigratesAsync<TContext>(PostgresServer postgres)
        where TContext : DbContext
    {
        var connectionString = postgres.ConnectionString($"migration_{Guid.NewGuid():N}");
        var sharedOptions = new DbContextOptionsBuilder<SharedTablesDbContext>();
        sharedOptions.UseServiceDatabase(connectionString, SharedTablesDbContext.MigrationsHistoryTable);
        var serviceOptions = new DbContextOptionsBuilder<TContext>();
        serviceOptions.UseServiceDatabase(connectionString);
        await using var shared = new SharedTablesDbContext(sharedOptions.Options);
        await using var service = (TContext)Activator.CreateInstance(typeof(TContext), serviceOptions.Options)!;
        try
        {
            Assert.False(shared.Database.HasPendingModelChanges(), "SharedTablesDbContext has model changes no migration makes");
            Assert.False(service.Database.HasPendingModelChanges(), $"{typeof(TContext).Name} has model changes no migration makes");

            await DatabaseMigrator.MigrateAsync(shared, service, CancellationToken.None);
            // Started again, a replica finds nothing to do.
            await DatabaseMigrator.MigrateAsync(shared, service, CancellationToken.None);

            var sharedMigrations = shared.Database.GetMigrations().ToList();
            var serviceMigrations = service.Database.GetMigrations().ToList();
            Assert.NotEmpty(sharedMigrations);
            Assert.NotEmpty(serviceMigrations);
            Assert.Equal(sharedMigrations, await shared.Database.GetAppliedMigrationsAsync());
            Assert.Equal(serviceMigrations, await service.Database.GetAppliedMigrationsAsync());
            var tables = await TablesAsync(connectionString);
            Assert.Contains(SharedTablesDbContext.MigrationsHistoryTable, tables);
            Assert.Contains(HistoryRepository.DefaultTableName, tables);

            // Each shared table is the shared migrations' to create: the service maps it, excluded from its own.
            var sharedTables = shared.Model.GetEntityTypes().Select(e => e.GetTableName()).ToHashSet();
            foreach (var entity in service.GetService<IDesignTimeModel>().Model.GetEntityTypes().Where(e => sharedTables.Contains(e.GetTableName())))
            {
                Assert.True(entity.IsTableExcludedFromMigrations(), $"{typeof(TContext).Name} migrates the shared table {entity.GetTableName()}");
            }

            // And every table either model maps is there.
            var mapped = service.Model.GetEntityTypes().Concat(shared.Model.GetEntityTypes())
                .Select(e => e.GetTableName()).OfType<string>().Distinct();
            Assert.Empty(mapped.Except(tables));
        }
        finally
        {
            await service.Database.EnsureDeletedAsync();
        }
    }

    private static async Task<HashSet<string>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new HashSet<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
