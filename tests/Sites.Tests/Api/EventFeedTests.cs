using Grpc.Core;
using MissionOps.Common.V1;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class EventFeedTests(SitesApp app) : SitesApiTest(app)
{
    private async Task LeaveInEmergencyAsync(string id)
    {
        await Client.CreateSiteAsync(CreateSite(id));
        var request = CloseRequest(id, Day(2023, 10, 2));
        request.Emergency = new EmergencyClosure
        {
            Reason = Text("Attack", "Attaque"),
            ItemsLeftInPlace =
            {
                new ItemLeftInPlace { Description = Text("Nothing", "Rien"), Disposition = InPlaceDisposition.Abandoned, Reason = Text("-", "-") },
            },
        };
        await Client.RecordSiteClosureAsync(request);
    }

    private static readonly string Closed = SiteClosed.Descriptor.FullName;
    private static readonly string HandedOver = SiteHandedOver.Descriptor.FullName;

    /// <summary>Reads exactly <paramref name="count"/> events, then leaves, as a consumer whose connection breaks would.</summary>
    private async Task<List<ChangeEvent>> ReadAsync(long after, int count, string parent = Minusma, params string[] types)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var call = Client.WatchEvents(new WatchEventsRequest { Parent = parent, AfterSequence = after, EventTypes = { types } },
            cancellationToken: timeout.Token);
        var events = new List<ChangeEvent>();
        while (events.Count < count && await call.ResponseStream.MoveNext(timeout.Token))
        {
            events.Add(call.ResponseStream.Current);
        }

        return events;
    }

    [Fact]
    public async Task A_consumer_that_disconnects_mid_stream_resumes_with_no_gap_and_no_duplicate()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        foreach (var id in new[] { "s1", "s2", "s3", "s4", "s5", "s6" })
        {
            await LeaveInEmergencyAsync(id);
        }

        var before = await ReadAsync(after: 0, count: 3, Minusma, Closed);
        await LeaveInEmergencyAsync("s7");
        await LeaveInEmergencyAsync("s8");
        var after = await ReadAsync(after: before[^1].Sequence, count: 5, Minusma, Closed);

        var all = before.Concat(after).ToList();
        Assert.Equal(all.Select(e => e.Sequence).Order(), all.Select(e => e.Sequence));
        Assert.Equal(all.Count, all.Select(e => e.Sequence).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"{Minusma}/sites/s{i}"), all.Select(e => e.Resource));
        Assert.All(all, e => Assert.Equal(Closed, e.Type));
        Assert.Equal(SiteState.Closed, all[0].Payload.Unpack<SiteClosed>().Site.State);
    }

    [Fact]
    public async Task A_retried_handover_is_one_event_and_consumers_can_filter_by_type()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await OpenAndCloseSiteAsync("sevare");
        var handover = HandoverRequest("sevare", Day(2023, 12, 8));
        await Client.RecordSiteHandoverAsync(handover);
        await Client.RecordSiteHandoverAsync(handover);
        await LeaveInEmergencyAsync("ogossagou");

        var handovers = await ReadAsync(0, count: 1, Minusma, HandedOver);
        var ends = await ReadAsync(0, count: 3, "missions/-", Closed, HandedOver);

        Assert.Equal($"{Minusma}/sites/sevare", Assert.Single(handovers).Resource);
        Assert.Equal(new[] { Closed, HandedOver, Closed }, ends.Select(e => e.Type));
    }

    [Fact]
    public async Task A_type_the_service_does_not_raise_is_refused_naming_it()
    {
        var call = Client.WatchEvents(new WatchEventsRequest { Parent = Minusma, EventTypes = { Closed, "missionops.sites.v1.Site" } });

        await RpcAssert.InvalidArgument(() => call.ResponseStream.MoveNext(CancellationToken.None), "event_types[1]");
    }

    [Fact]
    public async Task Every_change_to_a_site_is_an_event_that_carries_the_site_as_it_became()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var closed = await OpenAndCloseSiteAsync("sevare");

        var feed = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), SitesService.Descriptor, Minusma);

        Assert.Equal(
            [MissionCreated.Descriptor, RegionCreated.Descriptor, DrawdownPhaseCreated.Descriptor, SiteCreated.Descriptor, SiteClosurePlanned.Descriptor],
            feed.Take(5).Select(e => Registry.Find(Google.Protobuf.WellKnownTypes.Any.GetTypeName(e.Payload.TypeUrl))));
        Assert.All(feed.Skip(5).SkipLast(1), e => Assert.Equal(SiteClosureStepRecorded.Descriptor.FullName, e.Type));
        Assert.Equal(closed, feed[^1].Payload.Unpack<SiteClosed>().Site);
    }

    private static readonly Google.Protobuf.Reflection.TypeRegistry Registry = Google.Protobuf.Reflection.TypeRegistry.FromFiles(EventsReflection.Descriptor);

    [Fact]
    public async Task A_negative_cursor_is_invalid()
    {
        var call = Client.WatchEvents(new WatchEventsRequest { Parent = Minusma, AfterSequence = -1 });

        var failure = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
    }
}
