extern alias board;
using System.Globalization;
using board::MissionOps.Board.Overview;
using MissionOps.Client;
using MissionOps.Liquidation.V1;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Tests;

[Collection(BoardCollection.Name)]
public sealed class SitePageTests(BoardApp app) : BoardTest(app.Browser)
{
    private const string Sevare = "missions/minusma/sites/sevare";


    [Fact]
    public async Task Sevare_s_page_holds_its_checklist_its_handover_with_both_sides_and_what_is_there_as_the_services_record_them()
    {
        var site = await app.Administrator.Sites.GetSiteAsync(new GetSiteRequest { Name = Sevare });
        var projects = await Pages.All(new ListProjectsRequest { Parent = "missions/minusma", Site = Sevare }, app.Administrator.Projects.ListProjectsAsync, p => p.Projects).ToListAsync();
        var assets = await Pages.All(new ListAssetsRequest { Parent = "missions/minusma", Site = Sevare }, app.Administrator.Liquidation.ListAssetsAsync, p => p.Assets).ToListAsync();

        var page = await BoardPage.SignedInAsync(app, "viewer");
        await page.GotoAsync(app.Url("/" + Sevare));
        await page.Locator("[data-section=checklist]").WaitForAsync(new() { Timeout = 60_000 });
        await BoardPage.ScreenshotAsync(page, "board-site");

        Assert.Equal(6, await page.Locator("[data-section=checklist] li").CountAsync());
        foreach (var step in site.ClosureSteps)
        {
            var item = page.Locator($"[data-section=checklist] li[data-step={step.Kind}]");
            Assert.Equal("true", await item.GetAttributeAsync("data-done"));
            Assert.Contains(step.CompletedDate.ToDateOnly()!.Value.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en")), await item.TextContentAsync());
            Assert.Contains(step.PerformedBy, await item.TextContentAsync());
        }

        Assert.Equal(6 - site.ClosureSteps.Count, await page.Locator("[data-section=checklist] li[data-done=false]").CountAsync());
        foreach (var side in new[] { HandoverSide.Host, HandoverSide.Mission })
        {
            var names = site.Handover.Signatories.Where(s => s.Side == side).Select(s => s.FullName).ToList();
            Assert.NotEmpty(names);
            var block = await page.Locator($"[data-section=handover] [data-side={side}]").TextContentAsync();
            Assert.All(names, name => Assert.Contains(name, block));
        }

        Assert.Equal(site.Handover.Documents.Count, await page.Locator("[data-section=handover] li[data-document]").CountAsync());
        Assert.Equal(projects.Count, await page.Locator("[data-section=projects] tr[data-project]").CountAsync());
        Assert.Equal(assets.Count, await page.Locator("[data-section=assets] tr[data-asset]").CountAsync());
    }

    [Fact]
    public async Task The_occupancy_curve_counts_on_the_closing_day_what_personnel_counts_at_the_site()
    {
        var site = await app.Administrator.Sites.GetSiteAsync(new GetSiteRequest { Name = Sevare });
        var closed = site.Closure.ClosureDate.ToDateOnly()!.Value;
        var page = await BoardPage.SignedInAsync(app, "viewer");
        await page.GotoAsync(app.Url("/" + Sevare));
        await page.Locator("[data-chart=occupancy]").WaitForAsync(new() { Timeout = 60_000 });

        var rows = page.Locator("table[data-table=occupancy] tbody tr");
        Assert.True(await rows.CountAsync() >= 17, "weekly from four months before the closure");
        var first = await app.Administrator.Personnel.GetHeadcountAsync(new GetHeadcountRequest
        {
            Parent = "missions/minusma", AsOfDate = closed.AddDays(-SiteDetailReader.DaysBeforeClosure).ToProto(), Site = Sevare,
        });
        var onClosure = await app.Administrator.Personnel.GetHeadcountAsync(new GetHeadcountRequest { Parent = "missions/minusma", AsOfDate = closed.ToProto(), Site = Sevare });
        Assert.True(first.Total > onClosure.Total, "people left Sévaré before it closed");
        Assert.Equal(first.Total.ToString("N0", CultureInfo.GetCultureInfo("en")), (await rows.First.Locator("td").First.TextContentAsync())?.Trim());
        var closingRow = BoardPage.Row(page, "occupancy", closed.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en")));
        Assert.Equal(onClosure.Total.ToString("N0", CultureInfo.GetCultureInfo("en")), (await closingRow.Locator("td").First.TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task A_site_on_the_timeline_opens_its_page()
    {
        var page = await BoardPage.SignedInAsync(app, "viewer");
        await BoardPage.ReadyAsync(page);

        await page.Locator($"[data-chart=timeline] g.site-row[data-site='{Sevare}'] a").ClickAsync();

        await page.WaitForURLAsync("**/" + Sevare);
        await page.Locator("[data-section=checklist]").WaitForAsync(new() { Timeout = 60_000 });
    }
}
