using MissionOps.Projects.Data;
using MissionOps.Testing;

namespace MissionOps.Projects.Tests.Api;

[Collection(ProjectsCollection.Name)]
public sealed class MigrationTests(ProjectsApp app)
{
    [Fact]
    public Task A_fresh_database_gets_the_shared_tables_and_the_service_tables_each_from_their_own_migrations() =>
        MigrationCheck.AssertFreshDatabaseMigratesAsync<ProjectsDbContext>(app.Postgres);
}
