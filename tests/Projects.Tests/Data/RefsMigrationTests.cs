using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MissionOps.Projects.Data;
using MissionOps.Projects.Projects;
using MissionOps.Projects.Tests.Api;
using MissionOps.ServiceDefaults.Contracts;
using static MissionOps.Projects.Tests.Domain.SchoolProject;
using IndicatorMeasure = MissionOps.Projects.V1.IndicatorMeasure;
using ResultType = MissionOps.Projects.V1.ResultType;

namespace MissionOps.Projects.Tests.Data;

[Collection(ProjectsCollection.Name)]
public sealed class RefsMigrationTests(ProjectsApp app)
{
    private static Result Classrooms() =>
        new(string.Empty, ResultType.Output, new Text("Classrooms", "Salles de classe"),
        [
            new Indicator(string.Empty, new Text("Built", "Construites"), IndicatorMeasure.Unit, 2022, 0, []),
            new Indicator(string.Empty, new Text("In use", "Utilisées"), IndicatorMeasure.Percentage, 2022, 0, []),
        ]);

    [Fact]
    public async Task Results_recorded_before_refs_existed_get_the_refs_RecordResult_gives_by_position()
    {
        var options = new DbContextOptionsBuilder<ProjectsDbContext>()
            .UseNpgsql(app.Postgres.ConnectionString($"projects_migration_{Guid.NewGuid():N}"))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = new ProjectsDbContext(options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync();
        var project = InStatus(V1.ActivityStatus.Implementation);
        project.RecordResult(Classrooms(), Now);
        project.RecordResult(Classrooms(), Now);
        db.Projects.Add(project);
        await db.SaveChangesAsync();

        await migrator.MigrateAsync("AddAuditLog");
        Assert.DoesNotContain("\"ref\"", await db.Database.SqlQuery<string>($"SELECT results::text AS \"Value\" FROM projects").SingleAsync());
        await migrator.MigrateAsync();
        db.ChangeTracker.Clear();
        var migrated = await db.Projects.SingleAsync();
        await db.Database.EnsureDeletedAsync();

        Assert.Equal(["1", "2"], migrated.Results.Select(r => r.Ref));
        Assert.Equal(["1.1", "1.2", "2.1", "2.2"], migrated.Results.SelectMany(r => r.Indicators).Select(i => i.Ref));
    }
}
