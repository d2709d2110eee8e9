using MissionOps.Personnel.Data;
using MissionOps.Testing;

namespace MissionOps.Personnel.Tests.Api;

[Collection(PersonnelCollection.Name)]
public sealed class MigrationTests(PersonnelApp app)
{
    [Fact]
    public Task A_fresh_database_gets_the_shared_tables_and_the_service_tables_each_from_their_own_migrations() =>
        MigrationCheck.AssertFreshDatabaseMigratesAsync<PersonnelDbContext>(app.Postgres);
}
