using MissionOps.Common.V1;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;
using Date = Google.Type.Date;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class LiquidationReportApiTests(LiquidationApp app) : LiquidationApiTest(app)
{
    private static readonly Date EndOfMarch = Day(2024, 3, 31);

    private static Money Eur(long cents) => new() { CurrencyCode = "EUR", MinorUnits = cents };

    private Task<LiquidationReport> ReportAsync(Date? asOf = null) =>
        Client.GetLiquidationReportAsync(new GetLiquidationReportRequest { Mission = Minusma, AsOfDate = asOf }).ResponseAsync;

    private async Task DisposeOfAsync(CreateAssetRequest asset, DisposalGroup group, DisposalMethod method, Money proceeds, Date on)
    {
        await Client.CreateAssetAsync(asset);
        var id = asset.AssetId;
        if ((await Client.CreateDisposalCaseAsync(OpenDisposal(id, group, method))).ApprovalRequired)
        {
            await Client.ApproveDisposalAsync(Approve(id));
        }

        var record = WithAuthority(Record(id, 0), method);
        record.Record.Proceeds = proceeds;
        record.Record.DisposalDate = on;
        await Client.RecordDisposalAsync(record);
    }

    private static CreateAssetRequest InEuros(CreateAssetRequest request)
    {
        request.Asset.AcquisitionCost = Eur(request.Asset.AcquisitionCost.MinorUnits);
        request.Asset.DepreciatedValue = Eur(request.Asset.DepreciatedValue.MinorUnits);
        return request;
    }

    private async Task ArrangeDisposalsAsync()
    {
        await DisposeOfAsync(CreateAsset("gen-1", AssetCategory.Generator, 6_000_000), DisposalGroup.Iv, DisposalMethod.CommercialSale, Usd(6_500_000),
            Day(2024, 2, 1));
        await DisposeOfAsync(CreateAsset("truck-1", AssetCategory.Vehicle, 1_000_000), DisposalGroup.Iv, DisposalMethod.WriteOff, Usd(0), Day(2024, 2, 10));
        await DisposeOfAsync(InEuros(CreateAsset("radio-1", AssetCategory.Communications, 300_000)), DisposalGroup.Iii, DisposalMethod.SaleToOrganisation,
            Eur(250_000), Day(2024, 2, 15));
        await DisposeOfAsync(CreateAsset("prefab-1", AssetCategory.PrefabricatedBuilding, 2_000_000), DisposalGroup.V, DisposalMethod.HandoverToHostGovernment,
            Usd(0), Day(2024, 4, 10));
        await Client.CreateAssetAsync(CreateAsset("gen-idle", AssetCategory.Generator, 100_000));
    }

    [Fact]
    public async Task Disposals_are_summed_by_group_method_and_currency_as_of_the_day()
    {
        await ArrangeDisposalsAsync();

        var report = await ReportAsync(EndOfMarch);

        Assert.Equal(EndOfMarch, report.AsOfDate);
        Assert.Equal(new[] { DisposalGroup.Iii, DisposalGroup.Iv }, report.DisposalsByGroup.Select(g => g.Group));
        var groupIv = Assert.Single(report.DisposalsByGroup.Single(g => g.Group == DisposalGroup.Iv).Figures);
        Assert.Equal(("USD", 2, Usd(7_000_000), Usd(6_500_000)), (groupIv.CurrencyCode, groupIv.AssetCount, groupIv.DepreciatedValue, groupIv.Proceeds));
        Assert.Equal((Usd(500_000), Usd(-1_000_000), Usd(-500_000)), (groupIv.Gains, groupIv.Losses, groupIv.NetGainOrLoss));
        Assert.Equal(Usd(21_000_000), groupIv.AcquisitionCost);
        Assert.Equal(new[] { "EUR", "USD" }, report.DisposalTotals.Select(t => t.CurrencyCode));
        Assert.Equal((Eur(250_000), Eur(-50_000)), (report.DisposalTotals[0].Proceeds, report.DisposalTotals[0].Losses));
        Assert.Equal(Usd(-1_000_000), report.DisposalsByMethod.Single(m => m.Method == DisposalMethod.WriteOff).Figures.Single().NetGainOrLoss);
    }

    [Fact]
    public async Task The_report_shows_each_disposal_under_Financial_Regulation_5_14_with_its_terms_or_reference()
    {
        await ArrangeDisposalsAsync();

        var endOfMarch = await ReportAsync(EndOfMarch);
        var today = await ReportAsync();

        var writeOff = Assert.Single(endOfMarch.DisposalAuthorities);
        Assert.Equal(($"{Minusma}/assets/truck-1", DisposalMethod.WriteOff, "MINUSMA/LPSB/2024/031"),
            (writeOff.Asset, writeOff.Method, writeOff.PropertySurveyBoardReference));
        var handover = Assert.Single(today.DisposalAuthorities, a => a.Method == DisposalMethod.HandoverToHostGovernment);
        Assert.Equal(($"{Minusma}/assets/prefab-1", CompensationForm.InKind, "MINUSMA/GOV/2024/003"),
            (handover.Asset, handover.Compensation.Form, handover.Compensation.Agreement.Reference));
    }

    [Fact]
    public async Task A_disposal_recorded_after_the_day_awaits_disposal_in_that_days_report_and_counts_in_todays()
    {
        await ArrangeDisposalsAsync();

        var endOfMarch = await ReportAsync(EndOfMarch);
        var today = await ReportAsync();

        Assert.Equal(new[] { $"{Minusma}/assets/gen-idle", $"{Minusma}/assets/prefab-1" }, endOfMarch.AwaitingDisposal.Assets.Select(a => a.Asset));
        Assert.Equal(new[] { Usd(2_100_000) }, endOfMarch.AwaitingDisposal.DepreciatedValue);
        Assert.Equal(DisposalMethod.HandoverToHostGovernment, endOfMarch.AwaitingDisposal.Assets[1].Method);
        Assert.DoesNotContain(endOfMarch.DisposalsByGroup, g => g.Group == DisposalGroup.V);
        Assert.Contains(today.DisposalsByGroup, g => g.Group == DisposalGroup.V);
        Assert.Equal($"{Minusma}/assets/gen-idle", Assert.Single(today.AwaitingDisposal.Assets).Asset);
    }

    [Fact]
    public async Task Liabilities_records_and_residual_team_honour_the_day()
    {
        await Client.CreateLiabilityAsync(CreateLiability("land"));
        await Client.SettleLiabilityAsync(Settle("land", Day(2024, 3, 1)));
        await Client.CreateLiabilityAsync(CreateLiability("land-later"));
        await Client.SettleLiabilityAsync(Settle("land-later", Day(2024, 4, 5)));
        var claim = CreateLiability("claim");
        claim.Liability.Kind = LiabilityKind.Claim;
        claim.Liability.EstimatedCost = null;
        await Client.CreateLiabilityAsync(claim);
        await Client.CreateArchiveRecordAsync(CreateArchiveRecord("camp-files"));
        await Client.ArchiveRecordsAsync(Archive("camp-files", Day(2024, 3, 15)));
        await Client.CreateArchiveRecordAsync(CreateArchiveRecord("qip-files"));
        await ResidualRoster.AddGuardAsync(App, "guard-left", Day(2024, 3, 1));
        await ResidualRoster.AddGuardAsync(App, "guard-stays", Day(2024, 6, 30));

        var report = await ReportAsync(EndOfMarch);

        var land = report.Liabilities.Single(l => l.Kind == LiabilityKind.LandRestoration);
        Assert.Equal((1, 1, Usd(2_500_000), Usd(2_500_000)), (land.OpenCount, land.SettledCount, land.OpenEstimatedCost.Single(), land.SettledEstimatedCost.Single()));
        var claims = report.Liabilities.Single(l => l.Kind == LiabilityKind.Claim);
        Assert.Equal((1, 1), (claims.OpenCount, claims.OpenWithoutEstimate));
        Assert.Empty(claims.OpenEstimatedCost);
        Assert.Equal((1, 1, $"{Minusma}/archiveRecords/qip-files"), (report.Records.ArchivedCount, report.Records.ToArchiveCount, report.Records.ToArchive.Single()));
        Assert.Equal($"{Minusma}/personnel/guard-stays", Assert.Single(report.ResidualTeam).Person);
    }

    [Fact]
    public async Task The_report_gives_the_readiness_verdict_of_today_naming_each_blocker()
    {
        await ArrangeDisposalsAsync();
        await Client.CreateLiabilityAsync(CreateLiability("land"));

        var report = await ReportAsync(EndOfMarch);

        Assert.False(report.Readiness.Ready);
        Assert.NotEqual(EndOfMarch, report.Readiness.AsOfDate);
        Assert.Equal($"{Minusma}/assets/gen-idle", report.Readiness.BlockingItems.Single(i => i.Kind == BlockerKind.AssetNotDisposed).Resource);
        Assert.Contains(report.Readiness.BlockingItems, i => i.Kind == BlockerKind.LiabilityOpen && i.Resource == $"{Minusma}/liabilities/land");
        Assert.Contains(report.Readiness.BlockingItems, i => i.Kind == BlockerKind.SiteNotHandedOver && i.Resource == Sevare);
    }

    [Fact]
    public async Task A_day_after_today_or_a_bad_mission_is_refused_naming_the_field()
    {
        var later = DateTime.UtcNow.AddDays(2);

        await RpcAssert.InvalidArgument(() => ReportAsync(Day(later.Year, later.Month, later.Day)), "as_of_date");
        await RpcAssert.InvalidArgument(() => Client.GetLiquidationReportAsync(new GetLiquidationReportRequest { Mission = "minusma" }).ResponseAsync,
            "mission");
    }
}
