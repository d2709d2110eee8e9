using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.DemoData;
using MissionOps.Liquidation.V1;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class DemoDataTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task The_demo_liquidation_has_disposals_in_every_state_and_loads_once()
    {
        await LoadDemoTwiceAsync();

        var cases = (await Client.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Minusma })).DisposalCases;
        var assets = (await Client.ListAssetsAsync(new ListAssetsRequest { Parent = Minusma })).Assets;

        Assert.Equal(8, assets.Count);
        Assert.Contains(cases, c => c.State == DisposalState.Disposed);
        Assert.Contains(cases, c => c.State == DisposalState.Approved);
        Assert.Contains(cases, c => c.State == DisposalState.Open);
        Assert.DoesNotContain(cases, c => c.Method is DisposalMethod.CommercialSale or DisposalMethod.SaleToOrganisation or DisposalMethod.HandoverToHostGovernment or DisposalMethod.Donation
            && assets.Single(a => a.Name == c.Asset).Category is AssetCategory.Weapon or AssetCategory.Ammunition or AssetCategory.ArmouredVehicle);
    }

    [Fact]
    public async Task The_demo_report_at_the_end_of_the_mandate_counts_the_disposals_of_2023()
    {
        await LoadDemoTwiceAsync();

        var report = await Client.GetLiquidationReportAsync(new GetLiquidationReportRequest { Mission = Minusma, AsOfDate = Day(2023, 12, 31) });

        var sales = Assert.Single(Assert.Single(report.DisposalsByGroup).Figures);
        Assert.Equal((DisposalGroup.Iv, 2, Usd(3_400_000), Usd(300_000), Usd(0)),
            (report.DisposalsByGroup[0].Group, sales.AssetCount, sales.Proceeds, sales.Gains, sales.Losses));
        Assert.Contains(report.ContingentOwned, c => c is { OwnerCountryCode: "SN", Decision: ContingentDecision.Repatriate, DisposedCount: 1 });
        Assert.Contains(report.ContingentOwned, c => c is { OwnerCountryCode: "TG", Decision: ContingentDecision.Unspecified, DisposedCount: 0 });
        Assert.Equal(5, report.AwaitingDisposal.AssetCount);
        Assert.Equal((2, 1), (report.Liabilities.Sum(l => l.OpenCount), report.Liabilities.Sum(l => l.SettledCount)));
        Assert.Equal(2, report.Records.ToArchiveCount);
    }

    [Fact]
    public async Task The_demo_liquidation_is_made_through_the_endpoints_so_it_is_audited_and_on_the_feed()
    {
        await LoadDemoTwiceAsync();

        var audit = await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, PageSize = 1000 });
        var demo = audit.AuditEntries.Where(e => e.Subject == "demo-loader").ToList();
        Assert.Equal(8, demo.Count(e => e.Method.EndsWith("/CreateAsset", StringComparison.Ordinal)));
        Assert.Equal(6, demo.Count(e => e.Method.EndsWith("/CreateDisposalCase", StringComparison.Ordinal)));
        Assert.Equal(3, demo.Count(e => e.Method.EndsWith("/RecordDisposal", StringComparison.Ordinal)));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = Client.WatchEvents(new WatchEventsRequest { Parent = Minusma }, cancellationToken: timeout.Token);
        var opened = new List<string>();
        while (opened.Count < 6 && await call.ResponseStream.MoveNext(timeout.Token))
        {
            if (call.ResponseStream.Current.Type == DisposalCaseOpened.Descriptor.FullName)
            {
                opened.Add(call.ResponseStream.Current.Resource.Split('/')[^1]);
            }
        }

        Assert.Equal(["ammo-dou-0011", "apc-sev-0003", "coe-sn-apc-0001", "gen-sev-0042", "prefab-sev-0007", "veh-hq-0120"], opened.Order());
    }

    private async Task LoadDemoTwiceAsync()
    {
        await using var scope = App.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiquidationDbContext>();
        await db.Plans.ExecuteDeleteAsync();
        var seeder = ActivatorUtilities.CreateInstance<MinusmaLiquidation>(scope.ServiceProvider);
        await seeder.SeedAsync(db, CancellationToken.None);
        await seeder.SeedAsync(db, CancellationToken.None);
    }
}
