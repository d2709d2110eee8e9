using MissionOps.Liquidation.Data;
using MissionOps.Testing;

namespace MissionOps.Liquidation.Tests.Api;

[Collection(LiquidationCollection.Name)]
public sealed class MigrationTests(LiquidationApp app)
{
    [Fact]
    public Task A_fresh_database_gets_the_shared_tables_and_the_service_tables_each_from_their_own_migrations() =>
        MigrationCheck.AssertFreshDatabaseMigratesAsync<LiquidationDbContext>(app.Postgres);
}
