using Grpc.Core;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class ClosureApiTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public async Task Planning_puts_the_site_in_the_phase_and_a_date_outside_it_is_refused()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));

        // The domain names its rule and the value; the answer names the request's field that carried it.
        var outside = await RpcAssert.InvalidArgument(() => Client.PlanSiteClosureAsync(Plan("sevare", Day(2024, 2, 1))).ResponseAsync, "planned_closure_date");
        Assert.Equal("CLOSURE_OUTSIDE_PHASE", Assert.Single(outside).Reason);
        var planned = await Client.PlanSiteClosureAsync(Plan("sevare", Day(2023, 12, 8)));

        Assert.Equal(SiteState.ClosurePlanned, planned.State);
        Assert.Equal("missions/minusma/drawdownPhases/phase-2", planned.ClosurePlan.DrawdownPhase);
        Assert.Equal(Day(2023, 12, 8), planned.ClosurePlan.PlannedClosureDate);
    }

    [Fact]
    public async Task Planning_in_an_unknown_phase_is_not_found()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        var request = Plan("sevare", Day(2023, 12, 8));
        request.DrawdownPhase = "missions/minusma/drawdownPhases/phase-9";

        await RpcAssert.Fails(StatusCode.NotFound, () => Client.PlanSiteClosureAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task A_closure_step_needs_a_planned_closure()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));

        var missing = await RpcAssert.FailedPrecondition(
            () => Client.RecordClosureStepAsync(Step("sevare", ClosureStepKind.HazardousWasteRemoved, Day(2023, 11, 1))).ResponseAsync,
            "CLOSURE_NOT_PLANNED");

        Assert.Equal("CLOSURE_PLAN", Assert.Single(missing).Type);
    }

    [Fact]
    public async Task A_joint_inspection_needs_its_report_and_a_signatory_of_the_host_authority_and_nothing_is_stored_without()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        await Client.PlanSiteClosureAsync(Plan("sevare", Day(2023, 12, 8)));
        var bare = Step("sevare", ClosureStepKind.JointEnvironmentalInspection, Day(2023, 11, 1));
        bare.Step.Documents.Clear();
        bare.Step.Signatories[0].Side = HandoverSide.Mission;

        await RpcAssert.InvalidArgument(() => Client.RecordClosureStepAsync(bare).ResponseAsync, "step.documents", "step.signatories");

        var site = await Client.GetSiteAsync(new GetSiteRequest { Name = $"{Minusma}/sites/sevare" });
        Assert.Empty(site.ClosureSteps);
        var signed = await Client.RecordClosureStepAsync(Step("sevare", ClosureStepKind.JointEnvironmentalInspection, Day(2023, 11, 1)));
        Assert.Equal(("Abass Dembélé", HandoverSide.Host), (signed.ClosureSteps[0].Signatories[0].FullName, signed.ClosureSteps[0].Signatories[0].Side));
    }

    [Fact]
    public async Task A_normal_closure_lists_every_checklist_step_not_yet_done()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        await Client.PlanSiteClosureAsync(Plan("sevare", Day(2023, 12, 8)));
        await Client.RecordClosureStepAsync(Step("sevare", ClosureStepKind.ContingentEquipmentWithdrawn, Day(2023, 11, 1)));
        await Client.RecordClosureStepAsync(Step("sevare", ClosureStepKind.UnEquipmentRemoved, Day(2023, 11, 2)));

        var missing = await RpcAssert.FailedPrecondition(
            () => Client.RecordSiteClosureAsync(CloseRequest("sevare", Day(2023, 12, 8))).ResponseAsync, "CLOSURE_CHECKLIST_INCOMPLETE");

        Assert.Equal(
            new[]
            {
                "CLOSURE_STEP_KIND_HAZARDOUS_WASTE_REMOVED", "CLOSURE_STEP_KIND_ENVIRONMENTAL_CLOSEOUT_ASSESSMENT",
                "CLOSURE_STEP_KIND_JOINT_ENVIRONMENTAL_INSPECTION", "CLOSURE_STEP_KIND_EXPLOSIVE_HAZARD_SURVEY",
            },
            missing.Select(m => m.Subject));
        Assert.Equal(SiteState.Closing, (await Client.GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/sevare" })).State);
    }

    [Fact]
    public async Task A_closed_site_takes_no_new_closure_step()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var closed = await OpenAndCloseSiteAsync("sevare");

        await RpcAssert.FailedPrecondition(
            () => Client.RecordClosureStepAsync(Step("sevare", ClosureStepKind.HazardousWasteRemoved, Day(2023, 12, 9))).ResponseAsync,
            "SITE_CLOSED");

        Assert.Equal(SiteState.Closed, closed.State);
        Assert.Equal(Day(2023, 12, 8), closed.ClosingDate);
        Assert.Equal(6, (await Client.GetSiteAsync(new GetSiteRequest { Name = closed.Name })).ClosureSteps.Count);
    }

    [Fact]
    public async Task A_closure_before_the_last_step_is_refused()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await OpenSiteWithChecklistDoneAsync("sevare");

        await RpcAssert.InvalidArgument(() => Client.RecordSiteClosureAsync(CloseRequest("sevare", Day(2023, 11, 3))).ResponseAsync, "closure_date");
    }

    [Fact]
    public async Task A_retried_step_is_recorded_once()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        await Client.PlanSiteClosureAsync(Plan("sevare", Day(2023, 12, 8)));
        var step = Step("sevare", ClosureStepKind.HazardousWasteRemoved, Day(2023, 11, 1));

        var first = await Client.RecordClosureStepAsync(step);
        var retry = await Client.RecordClosureStepAsync(step);

        Assert.Equal(first, retry);
        Assert.Single((await Client.GetSiteAsync(new GetSiteRequest { Name = first.Name })).ClosureSteps);
    }

    [Fact]
    public async Task The_emergency_path_records_what_was_left_in_place_and_why()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("ogossagou", SiteKind.TemporaryOperatingBase, "ML0502"));
        var request = CloseRequest("ogossagou", Day(2023, 10, 2));
        request.Emergency = new EmergencyClosure
        {
            Reason = Text("Convoy route cut; the base had to be left within 48 hours",
                "Itinéraire du convoi coupé ; la base a dû être quittée en 48 heures"),
            ItemsLeftInPlace =
            {
                new ItemLeftInPlace
                {
                    Description = Text("Unserviceable generators", "Groupes électrogènes hors d'usage"),
                    Disposition = InPlaceDisposition.Decommissioned,
                    Quantity = 3,
                    Reason = Text("No transport available", "Aucun moyen de transport disponible"),
                },
            },
        };

        var closed = await Client.RecordSiteClosureAsync(request);

        Assert.Equal(SiteState.Closed, closed.State);
        Assert.True(closed.Closure.Emergency);
        Assert.Equal(InPlaceDisposition.Decommissioned, Assert.Single(closed.Closure.ItemsLeftInPlace).Disposition);
        Assert.Equal("Itinéraire du convoi coupé ; la base a dû être quittée en 48 heures", closed.Closure.EmergencyReason.Fr);
    }

    [Fact]
    public async Task The_emergency_path_needs_a_reason_and_the_list_of_what_stayed()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("ogossagou", SiteKind.TemporaryOperatingBase, "ML0502"));
        var request = CloseRequest("ogossagou", Day(2023, 10, 2));
        request.Emergency = new EmergencyClosure { Reason = Text("Attack", string.Empty) };

        await RpcAssert.InvalidArgument(() => Client.RecordSiteClosureAsync(request).ResponseAsync,
            "emergency.reason.fr", "emergency.items_left_in_place");
        Assert.Equal(SiteState.Operational, (await Client.GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/ogossagou" })).State);
    }

    [Fact]
    public async Task A_change_from_a_stale_read_is_aborted()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var created = await Client.CreateSiteAsync(CreateSite("sevare"));
        await Client.PlanSiteClosureAsync(Plan("sevare", Day(2023, 12, 8)));

        var step = Step("sevare", ClosureStepKind.HazardousWasteRemoved, Day(2023, 11, 1));
        step.Etag = created.Etag;

        await RpcAssert.Fails(StatusCode.Aborted, () => Client.RecordClosureStepAsync(step).ResponseAsync);
        Assert.Empty((await Client.GetSiteAsync(new GetSiteRequest { Name = created.Name })).ClosureSteps);
    }
}
