using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>The residual team and the owners of what is left are personal: a viewer gets their number and no names.</summary>
public sealed class PersonalDataTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task A_viewer_gets_the_residual_team_counted_and_no_owner_named()
    {
        await ResidualRoster.AddGuardAsync(App, "ram", Day(2024, 6, 30));
        await Client.CreateLiabilityAsync(CreateLiability());
        await Client.CreateArchiveRecordAsync(CreateArchiveRecord());
        var viewer = ClientAs("minusma:viewer");
        var approver = ClientAs("minusma:approver");
        var plan = new GetLiquidationPlanRequest { Name = $"{Minusma}/liquidationPlan" };
        var report = new GetLiquidationReportRequest { Mission = Minusma, AsOfDate = Day(2024, 1, 31) };

        var viewersPlan = await viewer.GetLiquidationPlanAsync(plan);
        var viewersReport = await viewer.GetLiquidationReportAsync(report);
        var viewersReadiness = await viewer.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Minusma });
        var viewersLiability = Assert.Single((await viewer.ListLiabilitiesAsync(new ListLiabilitiesRequest { Parent = Minusma })).Liabilities);
        var approversPlan = await approver.GetLiquidationPlanAsync(plan);
        var approversReadiness = await approver.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Minusma });

        Assert.Equal((1, 0), (viewersPlan.ResidualTeamSize, viewersPlan.ResidualTeam.Count));
        Assert.Equal((1, 0), (viewersReport.ResidualTeamSize, viewersReport.ResidualTeam.Count));
        Assert.Empty(viewersLiability.Owner);
        Assert.All(viewersReadiness.BlockingItems, i => Assert.Empty(i.Owner));
        Assert.Equal(approversReadiness.Totals, viewersReadiness.Totals);
        Assert.DoesNotContain("Officer", viewersReadiness.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Officer", viewersReport.ToString(), StringComparison.Ordinal);
        Assert.Equal((1, $"{Minusma}/personnel/ram"), (approversPlan.ResidualTeamSize, Assert.Single(approversPlan.ResidualTeam).Person));
        Assert.Equal(["Environmental Officer", "Records Officer"],
            approversReadiness.BlockingItems.Where(i => i.Owner.Length > 0).Select(i => i.Owner).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_read_answers_a_viewer_with_a_personal_field()
    {
        await ResidualRoster.AddGuardAsync(App, "ram", Day(2024, 6, 30));
        await Client.CreateLiabilityAsync(CreateLiability());
        await Client.CreateArchiveRecordAsync(CreateArchiveRecord());

        await PersonalDataCheck.CheckAsync(App.Service, LiquidationService.Descriptor, LiquidationPermissions.Map,
            (_, request) =>
            {
                if (request is GetLiquidationPlanRequest plan)
                {
                    plan.Name = $"{Minusma}/liquidationPlan";
                }

                return request;
            });
    }

    [Fact]
    public async Task A_viewer_limited_to_a_region_sees_the_assets_and_blockers_of_its_sites_only()
    {
        await Client.CreateAssetAsync(CreateAsset("generator-1", AssetCategory.Generator, 1_000_000));
        await Client.CreateDisposalCaseAsync(OpenDisposal("generator-1", DisposalGroup.Iv, DisposalMethod.CommercialSale));
        await Client.CreateLiabilityAsync(CreateLiability());

        // The forecast is of what Liquidation keeps from the feeds, read a moment after the change, and a what-if names what it
        // changes, which a token elsewhere cannot: their scope is ForecastApiTests'.
        var checkedHere = LiquidationPermissions.RegionScoped.Except(["GetMissionForecast", "ForecastWhatIf"]).ToHashSet(StringComparer.Ordinal);
        await RegionScopeCheck.CheckAsync(App.Service, LiquidationService.Descriptor, checkedHere, AuthorizationMatrix.Region);
        var elsewhere = new LiquidationService.LiquidationServiceClient(App.Service.ChannelWith(TestTokens.Scoped(RegionScopeCheck.Elsewhere, "minusma:viewer")));
        var asset = await RpcAssert.OutcomeOf(elsewhere.GetAssetAsync(new GetAssetRequest { Name = $"{Minusma}/assets/generator-1" }).ResponseAsync);
        var disposal = await RpcAssert.OutcomeOf(elsewhere.GetDisposalCaseAsync(new GetDisposalCaseRequest { Name = $"{Minusma}/disposalCases/generator-1" }).ResponseAsync);
        var report = await elsewhere.GetLiquidationReportAsync(new GetLiquidationReportRequest { Mission = Minusma });
        var readiness = await elsewhere.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Minusma });

        Assert.Equal(StatusCode.NotFound, asset.Code);
        Assert.Equal(StatusCode.NotFound, disposal.Code);
        Assert.Equal([RegionScopeCheck.Elsewhere], report.Regions);
        Assert.Equal(0, report.AwaitingDisposal.AssetCount);
        Assert.Empty(report.Liabilities);
        Assert.Empty(readiness.BlockingItems);
        Assert.True(readiness.Ready, "nothing lies in its region, so nothing there blocks");
        Assert.Equal([RegionScopeCheck.Elsewhere], readiness.Regions);
    }

    [Fact]
    public async Task A_viewer_following_the_feed_gets_the_final_report_without_its_residual_team_and_an_approver_with_it_audited()
    {
        // Retained past today, so the guard keeps no site from closing and is on the team the report names.
        await ResidualRoster.AddGuardAsync(App, "ram", Day(2099, 12, 31));
        await MinusmaSites.HandOverEveryAsync(App.SitesClient);
        var issued = await Client.IssueFinalReportAsync(IssueFinalReport());
        var feed = new WatchEventsRequest { Parent = Minusma, EventTypes = { FinalReportIssued.Descriptor.FullName } };

        var viewers = (await FirstEventAsync(ClientAs("minusma:viewer"), feed)).Payload.Unpack<FinalReportIssued>().FinalReport;
        var approvers = (await FirstEventAsync(ClientAs("minusma:approver"), feed)).Payload.Unpack<FinalReportIssued>().FinalReport;

        Assert.Equal($"{Minusma}/personnel/ram", Assert.Single(issued.Report.ResidualTeam).Person);
        Assert.Empty(viewers.Report.ResidualTeam);
        Assert.DoesNotContain("ram", viewers.ToString(), StringComparison.Ordinal);
        Assert.Equal((issued.Name, 1, issued.DocumentReference, "Mahamat Saleh Annadif", issued.Report.AsOfDate),
            (viewers.Name, viewers.Report.ResidualTeamSize, viewers.DocumentReference, viewers.Signatory.FullName, viewers.Report.AsOfDate));
        Assert.Equal(issued, approvers);
        var reads = (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, Method = "WatchEvents" })).AuditEntries;
        Assert.Equal(("minusma:approver", Minusma, string.Empty), (string.Join(' ', Assert.Single(reads).Roles), reads[0].Resource, reads[0].RequestId));
    }

    private static async Task<MissionOps.Common.V1.ChangeEvent> FirstEventAsync(LiquidationService.LiquidationServiceClient client, WatchEventsRequest request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var call = client.WatchEvents(request, cancellationToken: timeout.Token);
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        return call.ResponseStream.Current;
    }

    private LiquidationService.LiquidationServiceClient ClientAs(string role) => new(App.Service.ChannelWith(TestTokens.For(role)));
}
