using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>
/// A viewer limited to a region gets the readiness and the liquidation report of its regions,
/// verdict included, and each says which regions it covers;
/// Timbuktu (ML06) is added to MINUSMA's three Mopti sites (ML05) to have a region that can be
/// done while Mopti is not.
/// </summary>
public sealed class RegionScopeTests(LiquidationApp app) : LiquidationApiTest(app)
{
    private const string Timbuktu = "missions/minusma/sites/timbuktu";

    private LiquidationService.LiquidationServiceClient Limited(string region) =>
        new(App.Service.ChannelWith(TestTokens.Scoped(region, "minusma:viewer")));

    private LiquidationService.LiquidationServiceClient WholeMission => new(App.Service.ChannelWith(TestTokens.For("minusma:viewer")));

    private async Task RegisterAtAsync(string site, string id, AssetCategory category, long valueCents, Ownership ownership = Ownership.UnOwned)
    {
        var asset = CreateAsset(id, category, valueCents, ownership);
        asset.Asset.Site = site;
        await Client.CreateAssetAsync(asset);
    }

    private async Task SellAsync(string id, long proceedsCents)
    {
        await Client.CreateDisposalCaseAsync(OpenDisposal(id, DisposalGroup.Iv, DisposalMethod.CommercialSale));
        await Client.RecordDisposalAsync(Record(id, proceedsCents));
    }

    /// <summary>Timbuktu's camp, and a generator there worth USD 10,000 sold for USD 8,000 on 1 February 2024.</summary>
    private async Task AddTimbuktuWithAGeneratorSoldAsync()
    {
        await MinusmaSites.AddTimbuktuAsync(App.SitesClient);
        await RegisterAtAsync(Timbuktu, "gen-timbuktu", AssetCategory.Generator, 1_000_000);
        await SellAsync("gen-timbuktu", 800_000);
    }

    [Fact]
    public async Task A_region_with_nothing_left_is_ready_while_the_mission_and_another_region_are_not()
    {
        await AddTimbuktuWithAGeneratorSoldAsync();
        await RegisterAtAsync(Sevare, "gen-sevare", AssetCategory.Generator, 1_000_000);
        await MinusmaSites.CloseAsync(App.SitesClient, "timbuktu");
        await MinusmaSites.LeaveWithoutHandoverAsync(App.SitesClient, "timbuktu", "MINUSMA/BOI/2023/040");
        var request = new GetClosureReadinessRequest { Mission = Minusma };

        var timbuktu = await Limited("ML06").GetClosureReadinessAsync(request);
        var mopti = await Limited("ML05").GetClosureReadinessAsync(request);
        var mission = await WholeMission.GetClosureReadinessAsync(request);

        Assert.True(timbuktu.Ready);
        Assert.Empty(timbuktu.BlockingItems);
        Assert.Equal(new ReadinessTotals(), timbuktu.Totals);
        Assert.Equal(["ML06"], timbuktu.Regions);
        Assert.False(mopti.Ready);
        Assert.Equal(["ML05"], mopti.Regions);
        Assert.Contains(mopti.BlockingItems, i => i.Kind == BlockerKind.AssetNotDisposed && i.Resource == $"{Minusma}/assets/gen-sevare");
        Assert.Equal(MinusmaSites.SiteIds.Length, mopti.Totals.SitesNotHandedOver);
        Assert.False(mission.Ready);
        Assert.Empty(mission.Regions);
        Assert.Equal((MinusmaSites.SiteIds.Length, 1), (mission.Totals.SitesNotHandedOver, mission.Totals.AssetsNotDisposed));
    }

    [Fact]
    public async Task A_region_with_one_blocker_left_is_not_ready()
    {
        await MinusmaSites.AddTimbuktuAsync(App.SitesClient);
        await RegisterAtAsync(Timbuktu, "coe-apc", AssetCategory.ArmouredVehicle, 20_000_000, Ownership.ContingentOwned);
        await MinusmaSites.CloseAsync(App.SitesClient, "timbuktu");
        await MinusmaSites.LeaveWithoutHandoverAsync(App.SitesClient, "timbuktu", "MINUSMA/BOI/2023/040");

        var timbuktu = await Limited("ML06").GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Minusma });

        var blocker = Assert.Single(timbuktu.BlockingItems);
        Assert.False(timbuktu.Ready);
        Assert.Equal((BlockerKind.AssetNotDisposed, $"{Minusma}/assets/coe-apc"), (blocker.Kind, blocker.Resource));
        Assert.Equal(["ML06"], timbuktu.Regions);
    }

    [Fact]
    public async Task The_report_of_a_region_counts_its_assets_only_and_leaves_out_what_is_the_missions()
    {
        await AddTimbuktuWithAGeneratorSoldAsync();
        await RegisterAtAsync(Timbuktu, "truck-timbuktu", AssetCategory.Vehicle, 2_000_000);
        await RegisterAtAsync(Sevare, "gen-sevare", AssetCategory.Generator, 1_000_000);
        await SellAsync("gen-sevare", 900_000);
        await RegisterAtAsync(Sevare, "coe-sevare", AssetCategory.ArmouredVehicle, 20_000_000, Ownership.ContingentOwned);
        await Client.CreateLiabilityAsync(CreateLiability());
        await Client.CreateArchiveRecordAsync(CreateArchiveRecord());
        await ResidualRoster.AddGuardAsync(App, "ram", Day(2024, 6, 30));
        var request = new GetLiquidationReportRequest { Mission = Minusma, AsOfDate = Day(2024, 3, 1) };

        var timbuktu = await Limited("ML06").GetLiquidationReportAsync(request);
        var mission = await WholeMission.GetLiquidationReportAsync(request);

        Assert.Equal(["ML06"], timbuktu.Regions);
        var sold = Assert.Single(timbuktu.DisposalTotals);
        Assert.Equal((1, 800_000L, 1_000_000L), (sold.AssetCount, sold.Proceeds.MinorUnits, sold.DepreciatedValue.MinorUnits));
        var byMethod = Assert.Single(timbuktu.DisposalsByMethod);
        Assert.Equal((DisposalMethod.CommercialSale, 1), (byMethod.Method, Assert.Single(byMethod.Figures).AssetCount));
        Assert.Equal([$"{Minusma}/assets/truck-timbuktu"], timbuktu.AwaitingDisposal.Assets.Select(a => a.Asset));
        Assert.Equal((1, 2_000_000L), (timbuktu.AwaitingDisposal.AssetCount, Assert.Single(timbuktu.AwaitingDisposal.DepreciatedValue).MinorUnits));
        Assert.Empty(timbuktu.ContingentOwned);
        Assert.Empty(timbuktu.Liabilities);
        Assert.Equal((0, 0), (timbuktu.Records.ArchivedCount, timbuktu.Records.ToArchiveCount));
        Assert.Equal(0, timbuktu.ResidualTeamSize);
        Assert.Equal(["ML06"], timbuktu.Readiness.Regions);
        Assert.False(timbuktu.Readiness.Ready);
        Assert.DoesNotContain("sevare", timbuktu.ToString(), StringComparison.Ordinal);

        Assert.Empty(mission.Regions);
        var missionSold = Assert.Single(mission.DisposalTotals);
        Assert.Equal((2, 1_700_000L), (missionSold.AssetCount, missionSold.Proceeds.MinorUnits));
        Assert.Equal([$"{Minusma}/assets/coe-sevare", $"{Minusma}/assets/truck-timbuktu"], mission.AwaitingDisposal.Assets.Select(a => a.Asset));
        Assert.Single(mission.ContingentOwned);
        Assert.Single(mission.Liabilities);
        Assert.Equal(1, mission.Records.ToArchiveCount);
        Assert.Equal(1, mission.ResidualTeamSize);
        Assert.Empty(mission.Readiness.Regions);
    }
}
