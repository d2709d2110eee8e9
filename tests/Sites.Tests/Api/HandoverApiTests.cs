using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class HandoverApiTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public async Task A_site_is_handed_over_only_after_its_closure()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await OpenSiteWithChecklistDoneAsync("sevare");

        var missing = await RpcAssert.FailedPrecondition(
            () => Client.RecordSiteHandoverAsync(HandoverRequest("sevare", Day(2023, 12, 8))).ResponseAsync, "SITE_NOT_CLOSED");

        Assert.Equal("SITE_CLOSURE", Assert.Single(missing).Type);
    }

    [Fact]
    public async Task A_handover_lists_the_missing_documents_and_signatory_sides()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await OpenAndCloseSiteAsync("sevare");
        var request = HandoverRequest("sevare", Day(2023, 12, 8));
        request.Handover.Documents.RemoveAt(2);
        request.Handover.Documents.RemoveAt(0);
        request.Handover.Signatories.RemoveAt(0);

        var missing = await RpcAssert.FailedPrecondition(() => Client.RecordSiteHandoverAsync(request).ResponseAsync, "HANDOVER_PACKAGE_INCOMPLETE");

        Assert.Equal(
            new[] { "HANDOVER_DOCUMENT_KIND_SITE_INSPECTION_CERTIFICATE", "HANDOVER_DOCUMENT_KIND_ENVIRONMENTAL_CLEARANCE_CERTIFICATE", "HANDOVER_SIDE_HOST" },
            missing.Select(m => m.Subject));
        Assert.Equal(SiteState.Closed, (await Client.GetSiteAsync(new GetSiteRequest { Name = request.Name })).State);
    }

    [Theory]
    [InlineData(RecipientKind.StateSecurityForces)]
    [InlineData(RecipientKind.NonState)]
    public async Task Only_a_State_civilian_authority_receives_a_site(RecipientKind kind)
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await OpenAndCloseSiteAsync("sevare");
        var request = HandoverRequest("sevare", Day(2023, 12, 8));
        request.Handover.Recipient.Kind = kind;

        await RpcAssert.FailedPrecondition(() => Client.RecordSiteHandoverAsync(request).ResponseAsync, "RECIPIENT_NOT_STATE_CIVILIAN_AUTHORITY");
    }

    [Fact]
    public async Task A_handover_names_its_bad_fields()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await OpenAndCloseSiteAsync("sevare");
        var request = HandoverRequest("sevare", Day(2023, 12, 8));
        request.Handover.AgreedCivilianUse = null;
        request.Handover.Signatories[1].Side = HandoverSide.Unspecified;
        request.Handover.Documents[0].Document.Reference = string.Empty;
        request.Handover.Attendees[0].Role.Fr = string.Empty;

        await RpcAssert.InvalidArgument(() => Client.RecordSiteHandoverAsync(request).ResponseAsync,
            "handover.agreed_civilian_use", "handover.signatories[1].side", "handover.documents[0].document.reference", "handover.attendees[0].role.fr");
    }

    [Fact]
    public async Task A_ceremony_before_the_closure_is_refused()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await OpenAndCloseSiteAsync("sevare");

        await RpcAssert.InvalidArgument(() => Client.RecordSiteHandoverAsync(HandoverRequest("sevare", Day(2023, 12, 1))).ResponseAsync,
            "handover.ceremony_date");
    }

    [Fact]
    public async Task A_complete_handover_is_recorded_once_and_only_once()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await OpenAndCloseSiteAsync("sevare");
        var request = HandoverRequest("sevare", Day(2023, 12, 8));

        var handedOver = await Client.RecordSiteHandoverAsync(request);
        var retry = await Client.RecordSiteHandoverAsync(request);

        Assert.Equal(SiteState.HandedOver, handedOver.State);
        Assert.Equal(handedOver, retry);
        Assert.Equal("Abass Dembélé", handedOver.Handover.Signatories[0].FullName);
        Assert.Equal(3, handedOver.Handover.Documents.Count);

        await RpcAssert.FailedPrecondition(() => Client.RecordSiteHandoverAsync(HandoverRequest("sevare", Day(2023, 12, 9))).ResponseAsync,
            "SITE_ALREADY_HANDED_OVER");
    }
}
