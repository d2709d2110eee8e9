using System.Globalization;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;
using UglyToad.PdfPig;

namespace MissionOps.Board.Tests;

[Collection(BoardCollection.Name)]
public sealed class HandoverRecordTests(BoardApp app) : BoardTest(app.Browser)
{
    private const string Sevare = "missions/minusma/sites/sevare";

    [Fact]
    public async Task Sevare_s_handover_record_is_a_bilingual_pdf_with_both_sides_signatories_and_the_days_sites_records()
    {
        var site = await app.Administrator.Sites.GetSiteAsync(new GetSiteRequest { Name = Sevare });
        var page = await BoardPage.SignedInAsync(app, "viewer");
        await page.GotoAsync(app.Url("/" + Sevare));
        var link = page.Locator("a[data-record=handover]");
        await link.WaitForAsync(new() { Timeout = 60_000 });

        var response = await page.APIRequest.GetAsync(app.Url((await link.GetAttributeAsync("href"))!));

        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var bytes = await response.BodyAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        await BoardPage.KeepAsync(bytes, "board-handover-record.pdf");
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Site handover record", text);
        Assert.Contains("Procès-verbal de remise de site", text);
        var ceremony = site.Handover.CeremonyDate.ToDateOnly()!.Value;
        Assert.Contains(ceremony.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en")), text);
        Assert.Contains(ceremony.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr")), text);
        Assert.All(site.Handover.Signatories, s => Assert.Contains(s.FullName, text));
        Assert.All(site.Handover.Documents, d => Assert.Contains(d.Document.Reference, text));
    }

    [Fact]
    public async Task The_record_of_a_site_not_handed_over_is_not_found_and_another_mission_s_user_is_refused()
    {
        var viewer = await BoardPage.SignedInAsync(app, "viewer");
        var open = await viewer.APIRequest.GetAsync(app.Url("/missions/minusma/sites/gao/handover-record.pdf"));
        Assert.Equal(404, open.Status);
        Assert.Contains("not handed over", await open.TextAsync());

        var outsider = await BoardPage.SignedInAsync(app, "administrator", mission: "another-mission");
        var refused = await outsider.APIRequest.GetAsync(app.Url($"/{Sevare}/handover-record.pdf"));
        Assert.Equal(403, refused.Status);
    }
}
