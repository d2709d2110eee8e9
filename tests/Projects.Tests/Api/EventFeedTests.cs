using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using MissionOps.Common.V1;
using MissionOps.Projects.V1;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

public sealed class EventFeedTests(ProjectsApp app) : ProjectsApiTest(app)
{
    private const string School = "school-sevare";

    private static readonly TypeRegistry Events = TypeRegistry.FromFiles(EventsReflection.Descriptor);

    [Fact]
    public async Task A_type_the_service_does_not_raise_is_refused_naming_it()
    {
        var call = Client.WatchEvents(new WatchEventsRequest
        {
            Parent = Minusma, EventTypes = { ProjectClosed.Descriptor.FullName, "missionops.projects.v1.Project" },
        });

        await RpcAssert.InvalidArgument(() => call.ResponseStream.MoveNext(CancellationToken.None), "event_types[1]");
    }

    [Fact]
    public async Task A_projects_lifecycle_is_on_the_feed_as_its_events_each_carrying_the_project_as_it_became()
    {
        var answers = new List<Project>
        {
            await Client.CreateProjectAsync(CreateSchool(School)),
            await Client.StartProjectAsync(Start(School, Day(2023, 1, 9))),
            await Client.SuspendProjectAsync(new SuspendProjectRequest { Name = ProjectName(School), Reason = Text("Insecurity", "Insécurité"), RequestId = NewId() }),
            await Client.ResumeProjectAsync(new ResumeProjectRequest { Name = ProjectName(School), RequestId = NewId() }),
            await Client.RecordTransactionAsync(Spend(School, 2_500_000)),
            await Client.FinaliseProjectAsync(Finalise(School, Day(2023, 5, 20))),
            await Client.RecordProjectHandoverAsync(HandOver(School, Day(2023, 6, 1))),
            await Client.CloseProjectAsync(Close(School)),
        };

        var feed = (await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), ProjectsService.Descriptor, Minusma))
            .Where(e => e.Resource == ProjectName(School)).ToList();

        Assert.Equal(
            [
                ProjectCreated.Descriptor, ProjectStarted.Descriptor, ProjectSuspended.Descriptor, ProjectResumed.Descriptor,
                ProjectTransactionRecorded.Descriptor, ProjectFinalised.Descriptor, ProjectHandedOver.Descriptor, ProjectClosed.Descriptor,
            ],
            feed.Select(e => Events.Find(Any.GetTypeName(e.Payload.TypeUrl))));
        Assert.All(feed, e => Assert.Equal(Any.GetTypeName(e.Payload.TypeUrl), e.Type));
        Assert.Equal(answers, feed.Select(ProjectIn));
    }

    [Fact]
    public async Task The_quick_impact_rules_are_on_the_feed_when_set_and_when_changed()
    {
        var changed = await Client.UpdateQuickImpactRulesAsync(QuickImpactRules(4_000_000, 4));

        var feed = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), ProjectsService.Descriptor, Minusma);

        Assert.Equal([QuickImpactRulesCreated.Descriptor.FullName, QuickImpactRulesUpdated.Descriptor.FullName], feed.Select(e => e.Type));
        Assert.Equal(changed, feed[^1].Payload.Unpack<QuickImpactRulesUpdated>().QuickImpactRules);
    }

    /// <summary>The project an event carries: field 1 of whichever event it is.</summary>
    private static Project ProjectIn(ChangeEvent e)
    {
        var message = e.Payload.Unpack(Events);
        return (Project)message.Descriptor.FindFieldByNumber(1).Accessor.GetValue(message);
    }
}
