using System.Globalization;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Contracts;
using UglyToad.PdfPig;

namespace MissionOps.Board.Tests;

[Collection(BoardCollection.Name)]
public sealed class LiquidationReportRecordTests(BoardApp app) : BoardTest(app.Browser)
{
    [Fact]
    public async Task The_report_as_of_a_day_is_a_bilingual_draft_whose_totals_are_liquidation_s()
    {
        var endOfMandateYear = new DateOnly(2023, 12, 31);
        var report = await app.Administrator.Liquidation.GetLiquidationReportAsync(new GetLiquidationReportRequest
        {
            Mission = "missions/minusma", AsOfDate = endOfMandateYear.ToProto(),
        });
        Assert.NotEmpty(report.DisposalTotals);
        var page = await BoardPage.SignedInAsync(app, "viewer");
        await page.GotoAsync(app.Url("/missions/minusma/readiness"));
        var link = page.Locator("a[data-record=liquidation-report]");
        await link.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("9 Dec 2023", await link.TextContentAsync());

        var response = await page.APIRequest.GetAsync(app.Url($"{await link.GetAttributeAsync("href")}?asOf=2023-12-31"));

        Assert.Equal(200, response.Status);
        var bytes = await response.BodyAsync();
        await BoardPage.KeepAsync(bytes, "board-liquidation-report.pdf");
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Liquidation report", text);
        Assert.Contains("Rapport de liquidation", text);
        Assert.Contains("31 December 2023", text);
        Assert.Contains("31 décembre 2023", text);
        Assert.Contains("the final report is not issued", text);
        foreach (var total in report.DisposalTotals)
        {
            var proceeds = MinorUnits.ToDecimal(total.Proceeds.MinorUnits, total.Proceeds.CurrencyCode)
                .ToString("N" + MinorUnits.DecimalsOf(total.Proceeds.CurrencyCode), CultureInfo.InvariantCulture);
            Assert.Contains($"{total.Proceeds.CurrencyCode} {proceeds}", text);
        }
    }

    [Fact]
    public async Task A_day_that_is_not_a_day_is_a_bad_request()
    {
        var page = await BoardPage.SignedInAsync(app, "viewer");

        var response = await page.APIRequest.GetAsync(app.Url("/missions/minusma/liquidation-report.pdf?asOf=31/12/2023"));

        Assert.Equal(400, response.Status);
        Assert.Contains("asOf", await response.TextAsync());
    }
}
