using MissionOps.Common.V1;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Records;

/// <summary>
/// The liquidation report as a bilingual PDF: the final report with its signatory once issued, otherwise the figures as of a
/// day marked as a draft. Every figure is Liquidation's answer, as the signed-in person may read it.
/// </summary>
public static class LiquidationReportRecord
{
    public static byte[] Write(Mission mission, LiquidationReport report, FinalReport? final, BothLanguages words, DateTimeOffset made)
    {
        var (titleEn, titleFr) = words.Text(final is null ? "LiquidationReportTitle" : "FinalReportTitle");
        using var pdf = new RecordWriter($"{titleEn}: {mission.DisplayName.En}", mission.Name);
        pdf.DocumentTitle(titleEn, titleFr);
        pdf.Columns([mission.DisplayName.En], [mission.DisplayName.Fr]);
        pdf.Fact(words.Pair("AsOf"), BothLanguages.Day(report.AsOfDate.ToDateOnly()));
        if (final is null)
        {
            pdf.Paragraph(words.Pair("DraftNotIssued"));
        }

        pdf.Section(words.Text("DisposalsByMethod").En, words.Text("DisposalsByMethod").Fr);
        foreach (var method in report.DisposalsByMethod)
        {
            pdf.Fact(words.Pair($"DisposalMethod_{method.Method}"), string.Join("\n", method.Figures.Select(f => Figures(f, words))));
        }

        pdf.Section(words.Text("DisposalTotals").En, words.Text("DisposalTotals").Fr);
        foreach (var total in report.DisposalTotals)
        {
            pdf.Fact(total.CurrencyCode, Figures(total, words));
        }

        pdf.Section(words.Text("AwaitingDisposal").En, words.Text("AwaitingDisposal").Fr);
        pdf.Fact(words.Pair("AssetsCount"), $"{report.AwaitingDisposal?.AssetCount ?? 0}");
        pdf.Fact(words.Pair("DepreciatedValue"), Amounts(report.AwaitingDisposal?.DepreciatedValue ?? []));

        pdf.Section(words.Text("Liabilities").En, words.Text("Liabilities").Fr);
        foreach (var liability in report.Liabilities)
        {
            var (en, fr) = words.Text("OpenSettled");
            pdf.Fact(words.Pair($"LiabilityKind_{liability.Kind}"),
                $"{string.Format(en, liability.OpenCount, liability.SettledCount)} / {string.Format(fr, liability.OpenCount, liability.SettledCount)}");
        }

        pdf.Section(words.Text("Records").En, words.Text("Records").Fr);
        var (archivedEn, archivedFr) = words.Text("ArchivedToArchive");
        pdf.Paragraph($"{string.Format(archivedEn, report.Records?.ArchivedCount ?? 0, report.Records?.ToArchiveCount ?? 0)} / " +
            string.Format(archivedFr, report.Records?.ArchivedCount ?? 0, report.Records?.ToArchiveCount ?? 0));
        pdf.Fact(words.Pair("ResidualTeam"), $"{report.ResidualTeamSize}");

        if (final is not null)
        {
            pdf.Section(words.Text("Signatures").En, words.Text("Signatures").Fr);
            pdf.Fact(words.Pair("DocumentReference"), final.DocumentReference);
            pdf.Fact(words.Pair("IssuedBy"), BothLanguages.Day(final.IssueDate.ToDateOnly()));
            pdf.Signatures((words.Pair("IssuedBy"), [(final.Signatory.FullName, final.Signatory.Title)]), (string.Empty, []));
        }

        pdf.Paragraph(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} {1:yyyy-MM-dd HH:mm} UTC · {2}",
            words.Pair("RecordMadeBy"), made.UtcDateTime, report.Mission));
        return pdf.ToBytes();
    }

    private static string Figures(DisposalFigures figures, BothLanguages words) =>
        $"{figures.AssetCount} · {words.Pair("DepreciatedValue")} {Amount(figures.DepreciatedValue)} · {words.Pair("Proceeds")} {Amount(figures.Proceeds)} · " +
        $"{words.Pair("NetGainOrLoss")} {Amount(figures.NetGainOrLoss)}";

    private static string Amounts(IEnumerable<Money> amounts) => string.Join(", ", amounts.Select(Amount)) is { Length: > 0 } text ? text : "–";

    /// <summary>USD 3,400,000.00: the currency and its major units, as both languages' financial statements can read it.</summary>
    public static string Amount(Money? money) => BoardCultures.Amount(money, System.Globalization.CultureInfo.InvariantCulture);
}
