using MissionOps.Liquidation.V1;

namespace MissionOps.AppHost.Tests;

[Collection(SystemCollection.Name)]
public sealed class LiquidationEndToEndTests(MissionOpsSystem system)
{
    private const string Minusma = "missions/minusma";

    private LiquidationService.LiquidationServiceClient Liquidation => new(system.Channel("liquidation"));

    [Fact]
    public async Task The_plan_starts_on_1_January_2024_with_the_residual_team_Personnel_keeps()
    {
        var plan = await Liquidation.GetLiquidationPlanAsync(new GetLiquidationPlanRequest { Name = $"{Minusma}/liquidationPlan" });

        Assert.Equal(new Google.Type.Date { Year = 2024, Month = 1, Day = 1 }, plan.StartDate);
        Assert.Contains(plan.ResidualTeam, m => m.Group == "RESIDUAL_GROUP_GUARD_UNIT");
        Assert.Contains(plan.ResidualTeam, m => m.Group == "RESIDUAL_GROUP_LIQUIDATION_TEAM");
    }

    [Fact]
    public async Task The_asset_register_holds_the_demo_disposals()
    {
        var cases = await Liquidation.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Minusma });

        Assert.Contains(cases.DisposalCases, c => c.State == DisposalState.Disposed && c.Record.GainOrLoss is not null);
    }

    [Fact]
    public async Task The_readiness_report_for_MINUSMA_names_what_is_left_in_every_service()
    {
        var readiness = await Liquidation.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Minusma });

        Assert.False(readiness.Ready);
        Assert.Contains(readiness.BlockingItems, i => i.Kind == BlockerKind.SiteNotHandedOver && i.Resource == $"{Minusma}/sites/bamako-hq");
        Assert.DoesNotContain(readiness.BlockingItems, i => i.Resource == $"{Minusma}/sites/sevare");
        Assert.Contains(readiness.BlockingItems, i => i.Kind == BlockerKind.ProjectOpen && i.Resource == $"{Minusma}/projects/solar-youth-centre-bamako");
        Assert.Contains(readiness.BlockingItems, i => i.Kind == BlockerKind.AssetNotDisposed);
        Assert.Contains(readiness.BlockingItems, i => i.Kind == BlockerKind.LiabilityOpen && i.Resource == $"{Minusma}/liabilities/sevare-land-restoration");
        Assert.Equal(0, readiness.Totals.PersonnelRemaining);
    }

    [Fact]
    public async Task The_final_report_for_MINUSMA_gives_the_sale_of_2023_and_what_blocks_closure()
    {
        var report = await Liquidation.GetLiquidationReportAsync(new GetLiquidationReportRequest
        {
            Mission = Minusma,
            AsOfDate = new Google.Type.Date { Year = 2023, Month = 12, Day = 31 },
        });

        Assert.Contains(report.DisposalsByGroup, g => g.Group == DisposalGroup.Iv && g.Figures.Single().CurrencyCode == "USD");
        Assert.Contains(report.ResidualTeam, m => m.Group == "RESIDUAL_GROUP_GUARD_UNIT");
        Assert.False(report.Readiness.Ready);
        Assert.Contains(report.Readiness.BlockingItems, i => i.Kind == BlockerKind.AssetNotDisposed);
    }
}
