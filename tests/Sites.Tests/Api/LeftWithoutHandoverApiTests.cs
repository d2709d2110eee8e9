using Grpc.Core;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>A site left in haste with no handover (Tessalit, October 2023), and the emergency path as an approver's decision.</summary>
public sealed class LeftWithoutHandoverApiTests(SitesApp app) : SitesApiTest(app)
{
    private const string Tessalit = $"{Minusma}/sites/tessalit";

    private SitesService.SitesServiceClient As(string subject, string role) =>
        new(App.Service.ChannelWith(TestTokens.Issuer.Issue(subject, [TokenIssuer.AudienceOf("sites")], [$"minusma:{role}"], TimeSpan.FromMinutes(10))));

    [Fact]
    public async Task An_approver_records_the_site_left_and_every_view_shows_it_once()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("tessalit"));
        await Client.PlanSiteClosureAsync(Plan("tessalit", Day(2023, 12, 8)));
        var request = LeftRequest("tessalit", Day(2023, 10, 21));
        var approver = As("aissata.traore", MissionRoles.Approver);

        var left = await approver.RecordSiteLeftWithoutHandoverAsync(request);
        var retry = await approver.RecordSiteLeftWithoutHandoverAsync(request);

        Assert.Equal(left, retry);
        Assert.Equal(SiteState.LeftWithoutHandover, left.State);
        Assert.Equal(Day(2023, 10, 21), left.ClosingDate);
        Assert.Equal(("aissata.traore", "MINUSMA/BOI/2023/031", LeftCircumstance.Destroyed),
            (left.LeftWithoutHandover.AuthorisedBy, left.LeftWithoutHandover.BoardReference, left.LeftWithoutHandover.Circumstance));
        Assert.Equal("Véhicules et groupes électrogènes", Assert.Single(left.LeftWithoutHandover.ItemsLeft).Description.Fr);
        Assert.Equal(left, await Client.GetSiteAsync(new GetSiteRequest { Name = Tessalit }));
        Assert.Equal(Tessalit, Assert.Single((await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma, State = SiteState.LeftWithoutHandover })).Sites).Name);

        var onTimeline = Assert.Single((await Client.GetDrawdownTimelineAsync(new GetDrawdownTimelineRequest { Mission = Minusma })).Phases.Single().Sites);
        Assert.Equal((SiteState.LeftWithoutHandover, LeftCircumstance.Destroyed, Day(2023, 10, 21)), (onTimeline.State, onTimeline.LeftCircumstance, onTimeline.LeftDate));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var feed = Client.WatchEvents(new WatchEventsRequest { Parent = Minusma, EventTypes = { SiteLeftWithoutHandover.Descriptor.FullName } },
            cancellationToken: timeout.Token);
        Assert.True(await feed.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal("missionops.sites.v1.SiteLeftWithoutHandover", feed.ResponseStream.Current.Type);
        Assert.Equal(left, feed.ResponseStream.Current.Payload.Unpack<SiteLeftWithoutHandover>().Site);
    }

    [Fact]
    public async Task The_HXL_export_shows_the_site_left_from_the_day_it_was_left()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("tessalit"));
        await Client.RecordSiteLeftWithoutHandoverAsync(LeftRequest("tessalit", Day(2023, 10, 21)));

        var before = HxlFile.Read((await Client.ExportSitesHxlAsync(new ExportSitesHxlRequest { Parent = Minusma, AsOfDate = Day(2023, 10, 20) })).Csv).Rows.Single();
        var after = HxlFile.Read((await Client.ExportSitesHxlAsync(new ExportSitesHxlRequest { Parent = Minusma })).Csv).Rows.Single();

        Assert.Equal(("operational", "", ""), (before["#status+code"], before["#status+left"], before["#meta+ref+board"]));
        Assert.Equal(("left_without_handover", "destroyed", "MINUSMA/BOI/2023/031", "2023-10-21"),
            (after["#status+code"], after["#status+left"], after["#meta+ref+board"], after["#date+end+actual"]));
    }

    [Fact]
    public async Task A_planner_cannot_record_it_and_bad_input_is_refused_naming_each_field()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("tessalit"));
        var bad = LeftRequest("tessalit", Day(2023, 10, 21));
        bad.LeftWithoutHandover.Circumstance = LeftCircumstance.Unspecified;
        bad.LeftWithoutHandover.Reason.Fr = " ";
        bad.LeftWithoutHandover.ItemsLeft.Clear();
        bad.LeftWithoutHandover.BoardReference = "";

        await RpcAssert.Fails(StatusCode.PermissionDenied,
            () => As("planner-1", MissionRoles.Planner).RecordSiteLeftWithoutHandoverAsync(LeftRequest("tessalit", Day(2023, 10, 21))).ResponseAsync);
        await RpcAssert.InvalidArgument(() => Client.RecordSiteLeftWithoutHandoverAsync(bad).ResponseAsync,
            "left_without_handover.circumstance", "left_without_handover.reason.fr", "left_without_handover.items_left",
            "left_without_handover.board_reference");
        Assert.Equal(SiteState.Operational, (await Client.GetSiteAsync(new GetSiteRequest { Name = Tessalit })).State);
    }

    [Fact]
    public async Task A_site_handed_over_or_already_left_refuses_it()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.OpenAndCloseSiteAsync("sevare");
        await Client.RecordSiteHandoverAsync(HandoverRequest("sevare", Day(2023, 12, 8)));
        await Client.CreateSiteAsync(CreateSite("tessalit"));
        await Client.RecordSiteLeftWithoutHandoverAsync(LeftRequest("tessalit", Day(2023, 10, 21)));

        await RpcAssert.FailedPrecondition(
            () => Client.RecordSiteLeftWithoutHandoverAsync(LeftRequest("sevare", Day(2023, 12, 9))).ResponseAsync, "SITE_ALREADY_HANDED_OVER");
        await RpcAssert.FailedPrecondition(
            () => Client.RecordSiteLeftWithoutHandoverAsync(LeftRequest("tessalit", Day(2023, 10, 22))).ResponseAsync, "SITE_ALREADY_LEFT");
        await RpcAssert.FailedPrecondition(() => Client.RecordSiteHandoverAsync(HandoverRequest("tessalit", Day(2023, 12, 8))).ResponseAsync, "SITE_ALREADY_LEFT");
    }

    [Fact]
    public async Task The_emergency_closure_is_an_approvers_decision_and_records_who_authorised_it()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("aguelhok"));
        var request = CloseRequest("aguelhok", Day(2023, 10, 31));
        request.Emergency = new EmergencyClosure
        {
            Reason = Text("Withdrawal brought forward under attack", "Retrait avancé sous les attaques"),
            ItemsLeftInPlace = { new ItemLeftInPlace { Description = Text("Ammunition", "Munitions"), Disposition = InPlaceDisposition.Destroyed, Reason = Text("-", "-") } },
        };

        await RpcAssert.Fails(StatusCode.PermissionDenied, () => As("planner-1", MissionRoles.Planner).RecordSiteClosureAsync(request).ResponseAsync);
        Assert.Equal(SiteState.Operational, (await Client.GetSiteAsync(new GetSiteRequest { Name = $"{Minusma}/sites/aguelhok" })).State);
        var closed = await As("aissata.traore", MissionRoles.Approver).RecordSiteClosureAsync(request);

        Assert.Equal((SiteState.Closed, true, "aissata.traore"), (closed.State, closed.Closure.Emergency, closed.Closure.AuthorisedBy));
    }
}
