using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MissionOps.Projects.Data;
using MissionOps.Projects.DemoData;
using MissionOps.Projects.V1;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

public sealed class DemoDataTests(ProjectsApp app) : ProjectsApiTest(app)
{
    [Fact]
    public async Task The_demo_projects_are_those_the_note_names_and_leave_nothing_open_at_Sevare()
    {
        await using (var scope = App.Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectsDbContext>();
            await db.QuickImpactRules.ExecuteDeleteAsync();
            var seeder = new MinusmaProjects(TimeProvider.System, NullLogger<MinusmaProjects>.Instance);
            await seeder.SeedAsync(db, CancellationToken.None);
            await seeder.SeedAsync(db, CancellationToken.None);
        }

        var projects = (await Client.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma })).Projects;
        var openAtSevare = await Client.ListOpenProjectsAsync(new ListOpenProjectsRequest { Parent = Minusma, Site = Sevare });

        Assert.Equal(11, projects.Count);
        Assert.Empty(openAtSevare.Projects);
        Assert.Contains(projects, p => p.Locations.Any(l => l.RouteSegment?.Road == "RN15"));
        Assert.Contains(projects, p => p.Training?.Topic == TrainingTopic.HumanRights);
        Assert.Contains(projects, p => p.Training?.Topic == TrainingTopic.Justice);
        Assert.Contains(projects, p => p.Kind == ProjectKind.StateAuthorityOffice && p.Handover is not null);
        Assert.Contains(projects, p => p.Status == ActivityStatus.Cancelled);
        Assert.All(projects.Where(p => p.QuickImpact), p => Assert.True(p.Budgets.Sum(b => b.Value.MinorUnits) <= 5_000_000));
    }
}
