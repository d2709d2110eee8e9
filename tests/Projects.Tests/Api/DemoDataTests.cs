using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
            var seeder = ActivatorUtilities.CreateInstance<MinusmaProjects>(scope.ServiceProvider);
            await seeder.SeedAsync(db, CancellationToken.None);
            await seeder.SeedAsync(db, CancellationToken.None);
        }

        var projects = (await Client.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma })).Projects;
        var openAtSevare = await Client.ListOpenProjectsAsync(new ListOpenProjectsRequest { Parent = Minusma, Site = Sevare });

        Assert.Equal(13, projects.Count);
        Assert.Empty(openAtSevare.Projects);
        Assert.Contains(projects, p => p.Locations.Any(l => l.RouteSegment?.Road == "RN15"));
        Assert.Contains(projects, p => p.Training?.Topic == TrainingTopic.HumanRights);
        Assert.Contains(projects, p => p.Training?.Topic == TrainingTopic.Justice);
        Assert.Equal(2, projects.Count(p => p.Training?.Topic == TrainingTopic.AdministrativeManagement));
        Assert.All(projects, p => Assert.StartsWith(MinusmaProjects.ReportingRef + "-", p.IatiIdentifier));
        Assert.Contains(projects, p => p.Kind == ProjectKind.StateAuthorityOffice && p.Handover is not null);
        Assert.Contains(projects, p => p.Status == ActivityStatus.Cancelled);
        Assert.All(projects.Where(p => p.QuickImpact), p => Assert.True(p.Budgets.Sum(b => b.Value.MinorUnits) <= 5_000_000));
    }

    [Fact]
    public async Task The_demo_projects_are_made_through_the_endpoints_so_they_are_audited_and_on_the_feed()
    {
        await using (var scope = App.Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectsDbContext>();
            await db.QuickImpactRules.ExecuteDeleteAsync();
            await ActivatorUtilities.CreateInstance<MinusmaProjects>(scope.ServiceProvider).SeedAsync(db, CancellationToken.None);
        }

        var audit = await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            Parent = Minusma, Resource = "missions/minusma/projects/rn15-bridges-sevare-bandiagara", PageSize = 100,
        });
        Assert.Equal(["CloseProject", "CreateProject", "FinaliseProject", "RecordProjectHandover", "RecordTransaction", "StartProject"],
            audit.AuditEntries.Select(e => e.Method.Split('/')[^1]).Distinct().Order());
        Assert.All(audit.AuditEntries, e => Assert.Equal("demo-loader", e.Subject));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = Client.WatchEvents(new WatchEventsRequest { Parent = Minusma }, cancellationToken: timeout.Token);
        var events = new List<MissionOps.Common.V1.ChangeEvent>();
        while (events.Count < 17 && await call.ResponseStream.MoveNext(timeout.Token))
        {
            events.Add(call.ResponseStream.Current);
        }

        // Eleven projects closed, six of them handed over first.
        Assert.Equal(11, events.Count(e => e.Type == "missionops.projects.v1.ProjectClosed"));
        Assert.Equal(6, events.Count(e => e.Type == "missionops.projects.v1.ProjectHandedOver"));
    }
}
