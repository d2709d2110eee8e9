using MissionOps.Liquidation.Telemetry;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>What the dashboard's Liquidation gauges say of a mission: what awaits disposal, and how long the liquidation has run.</summary>
public sealed class MetricsTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task The_gauges_give_each_mission_its_assets_awaiting_disposal_and_the_days_since_its_liquidation_started()
    {
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 250_000));
        await Client.CreateAssetAsync(CreateAsset("gen-2", AssetCategory.Generator, 100_000));

        var gauges = await Gauges.ReadAsync(App.Service.Services, LiquidationMetrics.MeterName);

        // The plan starts on 1 January 2024; the planning day is 1 March 2024.
        var elapsed = Assert.Single(gauges, g => g.Instrument == "missionops.liquidation.elapsed");
        Assert.Equal((60d, "minusma"), (elapsed.Value, elapsed.Tag("mission")));
        var awaiting = Assert.Single(gauges, g => g.Instrument == "missionops.liquidation.assets.awaiting_disposal");
        Assert.Equal((2d, "minusma"), (awaiting.Value, awaiting.Tag("mission")));
        var value = Assert.Single(gauges, g => g.Instrument == "missionops.liquidation.assets.awaiting_disposal.value");
        // In dollars, not cents.
        Assert.Equal((3_500d, "minusma", "USD"), (value.Value, value.Tag("mission"), value.Tag("currency")));
    }

    [Fact]
    public async Task The_blockers_gauge_counts_what_readiness_finds_on_the_planning_day_by_kind_every_kind_named()
    {
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 250_000));
        var readiness = await Client.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = "missions/minusma" });

        var gauges = await Gauges.ReadAsync(App.Service.Services, LiquidationMetrics.MeterName);

        var blockers = gauges.Where(g => g.Instrument == "missionops.liquidation.closure_blockers" && g.Tag("mission") == "minusma")
            .ToDictionary(g => g.Tag("kind"), g => g.Value);
        Assert.Equal(Enum.GetValues<BlockerKind>().Length - 1, blockers.Count);
        Assert.Equal(1d, blockers[nameof(BlockerKind.AssetNotDisposed)]);
        // Sites, projects and the plan's records are as recorded, whatever the day.
        Assert.Equal(readiness.Totals.SitesNotHandedOver, blockers[nameof(BlockerKind.SiteNotHandedOver)]);
        Assert.Equal(readiness.Totals.ProjectsOpen, blockers[nameof(BlockerKind.ProjectOpen)]);
        Assert.Equal(readiness.Totals.LiabilitiesOpen, blockers[nameof(BlockerKind.LiabilityOpen)]);
    }
}
