using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.DemoData;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>
/// A partner that follows the Liquidation feed from the start holds the same plan, assets, disposal cases,
/// liabilities, records and final report as the service, the changes Liquidation made on the Sites feed's word included.
/// </summary>
public sealed class FeedMirrorTests(LiquidationApp app) : LiquidationApiTest(app)
{
    private const string Douentza = "missions/minusma/sites/douentza";

    [Fact]
    public async Task A_copy_built_from_the_feed_alone_equals_the_demo_and_what_the_Sites_feed_changed()
    {
        await LoadDemoDataAsync();
        await Client.RecordContingentDecisionAsync(new RecordContingentDecisionRequest
        {
            Name = $"{Minusma}/assets/coe-tg-tent-0014", Decision = ContingentDecision.Repatriate, RequestId = NewId(),
        });
        var generator = CreateAsset("gen-dou-0001", AssetCategory.Generator, 1_000_000);
        generator.Asset.Site = Douentza;
        await Client.CreateAssetAsync(generator);
        await Client.ArchiveRecordsAsync(Archive("qip-files", Day(2024, 4, 1)));

        await MinusmaSites.CloseAsync(App.SitesClient, "douentza");
        await CasesWhenAsync(c => c.Count(d => d.OpenedByEvent.Contains(Douentza, StringComparison.Ordinal)) == 2);
        await MinusmaSites.LeaveWithoutHandoverAsync(App.SitesClient, "douentza", "MINUSMA/BOI/2023/031");
        var cases = await CasesWhenAsync(c => c.Any(d => d.Method == DisposalMethod.WriteOff));
        Assert.Contains(cases, c => c.Asset.EndsWith("gen-dou-0001", StringComparison.Ordinal) && c.State == DisposalState.Disposed);
        Assert.Contains(cases, c => c.Asset.EndsWith("coe-tg-tent-0014", StringComparison.Ordinal) && c.OpenedByEvent.Length > 0);

        await AssertFeedMirrorsServiceAsync();
    }

    [Fact]
    public async Task A_copy_built_from_the_feed_alone_equals_a_liquidation_closed_by_its_final_report()
    {
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 6_000_000));
        await Client.CreateDisposalCaseAsync(OpenDisposal("gen-1", DisposalGroup.Iv, DisposalMethod.CommercialSale));
        await Client.ApproveDisposalAsync(Approve("gen-1"));
        await Client.RecordDisposalAsync(Record("gen-1", 5_500_000));
        await Client.CreateLiabilityAsync(CreateLiability("sevare-land"));
        await Client.SettleLiabilityAsync(Settle("sevare-land", Day(2024, 3, 1)));
        await Client.CreateArchiveRecordAsync(CreateArchiveRecord("sevare-files"));
        await Client.ArchiveRecordsAsync(Archive("sevare-files", Day(2024, 4, 1)));
        await MinusmaSites.HandOverEveryAsync(App.SitesClient);
        await Client.IssueFinalReportAsync(IssueFinalReport());

        await AssertFeedMirrorsServiceAsync();
    }

    private async Task AssertFeedMirrorsServiceAsync()
    {
        var feed = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), LiquidationService.Descriptor, Minusma);
        var mirror = new FeedMirror(feed, EventsReflection.Descriptor);

        // The residual team is Personnel's, read from it when the plan is read, and none here: a partner copies it from Personnel's feed.
        var plan = await Client.GetLiquidationPlanAsync(new GetLiquidationPlanRequest { Name = $"{Minusma}/liquidationPlan" });
        Assert.Empty(plan.ResidualTeam);
        mirror.AssertMirrors([plan], p => p.Name);

        var assets = (await Client.ListAssetsAsync(new ListAssetsRequest { Parent = Minusma, PageSize = 1000 })).Assets;
        Assert.NotEmpty(assets);
        await mirror.AssertMirrorsAsync(assets, a => a.Name, name => Client.GetAssetAsync(new GetAssetRequest { Name = name }).ResponseAsync);

        var cases = (await Client.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Minusma, PageSize = 1000 })).DisposalCases;
        Assert.NotEmpty(cases);
        await mirror.AssertMirrorsAsync(cases, c => c.Name, name => Client.GetDisposalCaseAsync(new GetDisposalCaseRequest { Name = name }).ResponseAsync);

        var liabilities = (await Client.ListLiabilitiesAsync(new ListLiabilitiesRequest { Parent = Minusma, PageSize = 1000 })).Liabilities;
        Assert.NotEmpty(liabilities);
        mirror.AssertMirrors(liabilities, l => l.Name);
        var records = (await Client.ListArchiveRecordsAsync(new ListArchiveRecordsRequest { Parent = Minusma, PageSize = 1000 })).ArchiveRecords;
        Assert.NotEmpty(records);
        mirror.AssertMirrors(records, r => r.Name);

        var report = await FinalReportAsync();
        mirror.AssertMirrors<FinalReport>(report is null ? [] : [report], r => r.Name);
    }

    private async Task<FinalReport?> FinalReportAsync()
    {
        try
        {
            return await Client.GetFinalReportAsync(new GetFinalReportRequest { Name = $"{Minusma}/finalReport" });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task LoadDemoDataAsync()
    {
        await using var scope = App.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiquidationDbContext>();
        // The demo makes the plan itself, loading only into a mission without one.
        await db.Plans.ExecuteDeleteAsync();
        await ActivatorUtilities.CreateInstance<MinusmaLiquidation>(scope.ServiceProvider).SeedAsync(db, CancellationToken.None);
    }
}
