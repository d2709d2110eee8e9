using MissionOps.Common.V1;
using MissionOps.Liquidation.Report;
using MissionOps.Liquidation.V1;
using ArchiveRecord = MissionOps.Liquidation.Residual.ArchiveRecord;
using Asset = MissionOps.Liquidation.Assets.Asset;
using AssetTerms = MissionOps.Liquidation.Assets.AssetTerms;
using DisposalApproval = MissionOps.Liquidation.Disposals.DisposalApproval;
using DisposalCase = MissionOps.Liquidation.Disposals.DisposalCase;
using DisposalRecord = MissionOps.Liquidation.Disposals.DisposalRecord;
using Liability = MissionOps.Liquidation.Residual.Liability;
using static MissionOps.Liquidation.Tests.Domain.Given;

namespace MissionOps.Liquidation.Tests.Domain;

public sealed class FinalReportFiguresTests
{
    private static readonly DateOnly Day = new(2024, 3, 31);

    private static Money M(string currency, long minorUnits) => new() { CurrencyCode = currency, MinorUnits = minorUnits };

    private static (Asset, DisposalCase) Disposed(string id, string currency, long value, DisposalGroup group, DisposalMethod method, long proceeds,
        DateOnly on, Ownership ownership = Ownership.UnOwned)
    {
        var asset = Asset.Register("minusma", id, new AssetTerms(Name, ownership, AssetCategory.Generator, "missions/minusma/sites/sevare", id, currency,
            value * 2, value, ownership == Ownership.ContingentOwned ? "SN" : null),
            ownership == Ownership.ContingentOwned ? ContingentDecision.Sell : ContingentDecision.Unspecified, Now);
        var disposal = DisposalCase.Open(id, asset, group, method, MinusmaPlan, null, Now);
        if (disposal.ApprovalRequired)
        {
            disposal.Approve(new DisposalApproval("DMS", new DateOnly(2024, 1, 15), "R-1"), Now);
        }

        disposal.RecordDisposal(asset, new DisposalRecord(on, Name, "C-" + id, proceeds,
            PropertySurveyBoardReference: method == DisposalMethod.WriteOff ? "LPSB-" + id : null), Now);
        return (asset, disposal);
    }

    private static IReadOnlyList<AssetOnDay> OnDay(params (Asset Asset, DisposalCase Case)[] disposals) =>
        AssetOnDay.Of(disposals.Select(d => d.Asset), disposals.Select(d => d.Case), Day);

    [Fact]
    public void Sums_are_kept_apart_by_currency_with_gains_and_losses_apart()
    {
        var assets = OnDay(
            Disposed("sold-at-a-gain", "USD", 1_000_000, DisposalGroup.Iv, DisposalMethod.CommercialSale, 1_300_000, new DateOnly(2024, 2, 1)),
            Disposed("written-off", "USD", 400_000, DisposalGroup.Iv, DisposalMethod.WriteOff, 0, new DateOnly(2024, 2, 2)),
            Disposed("sold-in-euros", "EUR", 2_000_000, DisposalGroup.Iii, DisposalMethod.SaleToOrganisation, 1_500_000, new DateOnly(2024, 2, 3)));

        var totals = DisposalTotals.PerCurrency(assets).ToList();
        var usd = totals.Single(t => t.CurrencyCode == "USD");

        Assert.Equal(new[] { "EUR", "USD" }, totals.Select(t => t.CurrencyCode));
        Assert.Equal((2, M("USD", 1_400_000), M("USD", 1_300_000)), (usd.AssetCount, usd.DepreciatedValue, usd.Proceeds));
        Assert.Equal((M("USD", 300_000), M("USD", -400_000), M("USD", -100_000)), (usd.Gains, usd.Losses, usd.NetGainOrLoss));
        Assert.Equal(M("EUR", -500_000), totals.Single(t => t.CurrencyCode == "EUR").NetGainOrLoss);
        Assert.Equal(new[] { DisposalGroup.Iii, DisposalGroup.Iv }, DisposalTotals.ByGroup(assets).Select(g => g.Group));
        Assert.Equal(M("USD", 2_800_000), DisposalTotals.ByGroup(assets).Single(g => g.Group == DisposalGroup.Iv).Figures.Single().AcquisitionCost);
        Assert.Equal(1, DisposalTotals.ByMethod(assets).Single(m => m.Method == DisposalMethod.WriteOff).Figures.Single().AssetCount);
    }

    [Fact]
    public void A_disposal_recorded_after_the_day_still_awaits_disposal_on_that_day()
    {
        var assets = OnDay(
            Disposed("before", "USD", 100_000, DisposalGroup.Iv, DisposalMethod.Destruction, 0, Day),
            Disposed("after", "USD", 200_000, DisposalGroup.Iv, DisposalMethod.Destruction, 0, Day.AddDays(1)));

        var awaiting = AwaitingDisposal.Of(assets.Where(a => !a.Disposed).ToList());

        Assert.Equal(new[] { "before" }, assets.Where(a => a.Disposed).Select(a => a.Asset.Id));
        Assert.Equal("missions/minusma/assets/after", Assert.Single(awaiting.Assets).Asset);
        Assert.Equal((DisposalMethod.Destruction, "missions/minusma/disposalCases/after"), (awaiting.Assets[0].Method, awaiting.Assets[0].DisposalCase));
        Assert.Equal(new[] { M("USD", 200_000) }, awaiting.DepreciatedValue);
    }

    [Fact]
    public void Contingent_owned_equipment_is_counted_by_country_and_decision()
    {
        var assets = OnDay(
            Disposed("coe-sold", "USD", 300_000, DisposalGroup.Unspecified, DisposalMethod.ContributorSale, 0, Day, Ownership.ContingentOwned),
            Disposed("coe-sold-later", "EUR", 100_000, DisposalGroup.Unspecified, DisposalMethod.ContributorSale, 0, Day.AddDays(5), Ownership.ContingentOwned));

        var line = Assert.Single(ContingentTotals.Of(assets));

        Assert.Equal(("SN", ContingentDecision.Sell, 2, 1), (line.OwnerCountryCode, line.Decision, line.AssetCount, line.DisposedCount));
        Assert.Equal(new[] { M("EUR", 100_000), M("USD", 300_000) }, line.DepreciatedValue);
    }

    [Fact]
    public void A_liability_settled_after_the_day_is_open_on_it_and_costs_are_summed_per_currency()
    {
        Liability Claim(string id, string? currency, long? cost, DateOnly? settled = null)
        {
            var liability = Liability.Record("minusma", id, new Residual.LiabilityTerms(LiabilityKind.Claim, Name, "Legal Officer", currency, cost));
            if (settled is { } day)
            {
                liability.Settle(day);
            }

            return liability;
        }

        var line = Assert.Single(LiabilityTotals.Of(
        [
            Claim("settled", "USD", 100, Day),
            Claim("settled-later", "USD", 200, Day.AddDays(1)),
            Claim("in-francs", "XOF", 5_000),
            Claim("not-estimated", null, null),
        ], Day));

        Assert.Equal((LiabilityKind.Claim, 3, 1, 1), (line.Kind, line.OpenCount, line.SettledCount, line.OpenWithoutEstimate));
        Assert.Equal(new[] { M("USD", 200), M("XOF", 5_000) }, line.OpenEstimatedCost);
        Assert.Equal(new[] { M("USD", 100) }, line.SettledEstimatedCost);
    }

    [Fact]
    public void Records_archived_after_the_day_are_still_to_archive_on_it()
    {
        var archived = ArchiveRecord.Record("minusma", "archived", new Residual.ArchiveRecordTerms(Name, "Records Officer"));
        archived.Archive(Day);
        var later = ArchiveRecord.Record("minusma", "archived-later", new Residual.ArchiveRecordTerms(Name, "Records Officer"));
        later.Archive(Day.AddDays(1));

        var figures = ArchiveTotals.Of([archived, later, ArchiveRecord.Record("minusma", "pending", new Residual.ArchiveRecordTerms(Name, "Records Officer"))], Day);

        Assert.Equal((1, 2), (figures.ArchivedCount, figures.ToArchiveCount));
        Assert.Equal(new[] { "missions/minusma/archiveRecords/archived-later", "missions/minusma/archiveRecords/pending" }, figures.ToArchive);
    }
}
