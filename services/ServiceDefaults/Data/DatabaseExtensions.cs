using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MissionOps.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's DbContext on PostgreSQL from <c>ConnectionStrings:{connectionName}</c>
    /// (set by the AppHost), migrated on start, with a readiness check.
    /// Beside it, on the same database, <see cref="SharedTablesDbContext"/>: the shared tables' own migrations,
    /// and the service's Data Protection key ring, which seals page tokens: every replica of the service
    /// shares the database, so a token one issues another reads, and keys roll over on Data Protection's
    /// own schedule with no secret to hand out.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.AddServiceDbContexts<TContext>(connectionName);

        // First of the hosted services that touch the database: hosts start them in this order, each once the one before has
        // started, so the key ring, the outbox listener and the audit writer find the database created and migrated.
        builder.Services.AddSingleton<DatabaseReadiness>();
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();

        builder.Services.AddDataProtection()
            .SetApplicationName(builder.Environment.ApplicationName)
            .PersistKeysToDbContext<SharedTablesDbContext>();

        builder.Services.AddSingleton(services => new Audit.PersonalDataReads(connectionString, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<Audit.PersonalDataReads>());
        builder.Services.AddSingleton(services => new Events.OutboxSignal(connectionString,
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<ILogger<Events.OutboxSignal>>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<Events.OutboxSignal>());
        // Health answers from the last probe: a health check every few seconds from each orchestrator and load
        // balancer would otherwise each cost PostgreSQL a connection of its own.
        builder.Services.AddSingleton<DatabaseProbe<TContext>>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseProbe<TContext>>());
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadiness>("migrations", tags: [Extensions.ReadinessTag])
            .AddCheck<DatabaseProbe<TContext>>("database", tags: [Extensions.ReadinessTag]);

        return builder;
    }

    /// <summary>The service's context and the shared tables' context over <c>ConnectionStrings:{connectionName}</c>, and nothing else.</summary>
    internal static string AddServiceDbContexts<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = WithPreparedStatements(builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not set. Start the system with 'dotnet run --project MissionOps.AppHost', " +
                $"or set ConnectionStrings__{connectionName} to a PostgreSQL connection string."));

        builder.Services.AddDbContextPool<TContext>(options => options.UseServiceDatabase(connectionString));
        builder.Services.AddDbContextPool<SharedTablesDbContext>(options =>
            options.UseServiceDatabase(connectionString, SharedTablesDbContext.MigrationsHistoryTable));
        return connectionString;
    }

    /// <summary>
    /// A service sends the same few statements all day: Npgsql prepares the ones it sees again, so PostgreSQL parses and
    /// plans each once per connection instead of once per call. A connection string that sets <c>Max Auto Prepare</c>
    /// keeps its own (0 behind a pooler that cannot hold prepared statements).
    /// </summary>
    private static string WithPreparedStatements(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>();
        if (!given.Any(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        return settings.ConnectionString;
    }

    /// <summary>
    /// PostgreSQL as every MissionOps context uses it: snake_case names, no retrying strategy of the context's own
    /// (changes retry whole, see <see cref="TransientRetries"/>), and the migrations history in <paramref name="migrationsHistoryTable"/> (EF's own when null).
    /// </summary>
    public static DbContextOptionsBuilder UseServiceDatabase(this DbContextOptionsBuilder options, string connectionString,
        string? migrationsHistoryTable = null) =>
        options
            .UseNpgsql(connectionString, npgsql =>
            {
                if (migrationsHistoryTable is not null)
                {
                    npgsql.MigrationsHistoryTable(migrationsHistoryTable);
                }
            })
            .UseSnakeCaseNamingConvention();
}
