using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MissionOps.ServiceDefaults.Data;

/// <summary>
/// Owns the tables the shared library defines in every service's database (<see cref="SharedTables"/>) and the
/// Data Protection key ring that seals page tokens. Its migrations live in ServiceDefaults/Data/Migrations and
/// are recorded in their own history table, so they are applied once to each database, beside the service's own.
/// </summary>
public sealed class SharedTablesDbContext(DbContextOptions<SharedTablesDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The shared migrations' history, apart from the service's <c>__EFMigrationsHistory</c>.</summary>
    public const string MigrationsHistoryTable = "__shared_migrations_history";

    /// <summary>The Data Protection key ring that seals page tokens, shared by every replica.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => SharedTables.Map(modelBuilder, excludedFromMigrations: false);
}

/// <summary>
/// For <c>dotnet ef migrations add Name --project services/ServiceDefaults --context SharedTablesDbContext --output-dir Data/Migrations</c>:
/// the shared context without a service around it. Adding a migration needs no server; other commands take <c>--connection</c>.
/// </summary>
public sealed class SharedTablesDesignTimeFactory : IDesignTimeDbContextFactory<SharedTablesDbContext>
{
    public SharedTablesDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SharedTablesDbContext>();
        options.UseServiceDatabase("Host=localhost", SharedTablesDbContext.MigrationsHistoryTable);
        return new SharedTablesDbContext(options.Options);
    }
}
