using MissionOps.Projects.DemoData;
using MissionOps.Projects.V1;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

public sealed class DemoDataTests(ProjectsApp app) : ProjectsApiTest(app)
{
    [Fact]
    public async Task The_demo_projects_are_those_the_note_names_and_leave_nothing_open_at_Sevare()
    {
        await LoadDemoDataAsync();
        await LoadDemoDataAsync();

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
        await LoadDemoDataAsync();

        var audit = await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            Parent = Minusma, Resource = "missions/minusma/projects/rn15-bridges-sevare-bandiagara", PageSize = 100,
        });
        Assert.Equal(["CloseProject", "CreateProject", "FinaliseProject", "RecordProjectHandover", "RecordTransaction", "StartProject"],
            audit.AuditEntries.Select(e => e.Method.Split('/')[^1]).Distinct().Order());
        Assert.All(audit.AuditEntries, e => Assert.Equal("demo-loader", e.Subject));

        var events = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), ProjectsService.Descriptor, Minusma);

        // Thirteen projects, eleven of them closed, six of those handed over first.
        Assert.Equal(13, events.Count(e => e.Type == ProjectCreated.Descriptor.FullName));
        Assert.Equal(11, events.Count(e => e.Type == ProjectClosed.Descriptor.FullName));
        Assert.Equal(6, events.Count(e => e.Type == ProjectHandedOver.Descriptor.FullName));
    }
}
