using MissionOps.Sites.Data;
using MissionOps.Testing;

namespace MissionOps.Sites.Tests.Api;

[Collection(SitesCollection.Name)]
public sealed class MigrationTests(SitesApp app)
{
    [Fact]
    public Task A_fresh_database_gets_the_shared_tables_and_the_service_tables_each_from_their_own_migrations() =>
        MigrationCheck.AssertFreshDatabaseMigratesAsync<SitesDbContext>(app.Postgres);
}
