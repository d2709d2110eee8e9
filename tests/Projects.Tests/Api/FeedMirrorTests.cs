using MissionOps.Projects.V1;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

/// <summary>A partner that follows the Projects feed from the start holds the same projects and rules as the service.</summary>
public sealed class FeedMirrorTests(ProjectsApp app) : ProjectsApiTest(app)
{
    [Fact]
    public async Task A_copy_built_from_the_feed_alone_equals_what_the_service_answers()
    {
        await LoadDemoDataAsync();

        var feed = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), ProjectsService.Descriptor, Minusma);
        var mirror = new FeedMirror(feed, EventsReflection.Descriptor);

        var projects = (await Client.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma, PageSize = 1000 })).Projects;
        Assert.NotEmpty(projects);
        mirror.AssertMirrors(projects, p => p.Name);
        var rules = await Client.GetQuickImpactRulesAsync(new GetQuickImpactRulesRequest { Name = $"{Minusma}/quickImpactRules" });
        mirror.AssertMirrors([rules], r => r.Name);
    }
}
