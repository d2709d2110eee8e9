using System.Globalization;
using MissionOps.Client;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Tests;

[Collection(BoardCollection.Name)]
public sealed class RegionMapTests(BoardApp app) : BoardTest(app.Browser)
{
    [Fact]
    public async Task The_map_draws_mali_s_regions_each_coloured_and_counted_from_the_sites_there()
    {
        var sites = await Pages.All(new ListSitesRequest { Parent = "missions/minusma" }, app.Administrator.Sites.ListSitesAsync, p => p.Sites).ToListAsync();
        var page = await BoardPage.SignedInAsync(app, "viewer");
        await BoardPage.ReadyAsync(page);

        Assert.Equal(9, await page.Locator("[data-chart=map] g.region").CountAsync());
        foreach (var region in sites.GroupBy(s => s.Location.RegionPcode))
        {
            var open = region.Count(s => s.State is not (SiteState.HandedOver or SiteState.LeftWithoutHandover));
            var drawn = page.Locator($"[data-chart=map] g.region[data-region={region.Key}]");
            Assert.Contains(open > 0 ? "open" : "settled", await drawn.GetAttributeAsync("class"));
            var cells = await page.Locator($"table[data-table=map] tr[data-region={region.Key}] td").AllTextContentsAsync();
            Assert.Equal([$"{open}", $"{region.Count() - open}"], cells);
        }

        // Kayes holds no MINUSMA site in the demo: drawn, grey, with no count.
        Assert.DoesNotContain(sites, s => s.Location.RegionPcode == "ML01");
        Assert.Contains("no-sites", await page.Locator("[data-chart=map] g.region[data-region=ML01]").GetAttributeAsync("class"));
    }

    [Fact]
    public async Task Each_site_and_project_stands_at_its_coordinates_and_a_site_s_mark_opens_its_page()
    {
        // One more post where Sévaré's two sites already stand, so that Mopti's marks crowd whatever ran before.
        var sevareCamp = await app.Administrator.Sites.GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/sevare" });
        await app.Administrator.Sites.CreateSiteAsync(new CreateSiteRequest
        {
            Parent = "missions/minusma", SiteId = $"post-{Guid.NewGuid():N}"[..17], RequestId = Guid.NewGuid().ToString(),
            Site = new Site
            {
                DisplayName = new Common.V1.LocalizedText { En = "Airfield post", Fr = "Poste de l'aérodrome" }, Kind = SiteKind.TeamSite,
                Location = sevareCamp.Location, OpeningDate = sevareCamp.OpeningDate,
            },
        });
        var sites = await Pages.All(new ListSitesRequest { Parent = "missions/minusma" }, app.Administrator.Sites.ListSitesAsync, p => p.Sites).ToListAsync();
        var projects = await Pages.All(new ListProjectsRequest { Parent = "missions/minusma" }, app.Administrator.Projects.ListProjectsAsync, p => p.Projects)
            .ToListAsync();
        var page = await BoardPage.SignedInAsync(app, "viewer");
        await BoardPage.ReadyAsync(page);
        await BoardPage.ScreenshotAsync(page, "board-map", page.Locator("figure.board-map:not(.board-inset)"));

        Assert.All(sites, s => Assert.NotNull(s.Location.Coordinates));
        foreach (var site in sites)
        {
            var mark = page.Locator($"[data-chart=map] circle.site[data-site='{site.Name}']");
            Assert.Contains(site.State is SiteState.HandedOver or SiteState.LeftWithoutHandover ? "settled" : "open", await mark.GetAttributeAsync("class"));
        }

        Assert.Equal(projects.Sum(p => p.Locations.Count(l => l.Coordinates is not null)), await page.Locator("[data-chart=map] rect.project").CountAsync());
        Assert.True(projects.Sum(p => p.Locations.Count(l => l.Coordinates is not null)) > 5);

        // North is up and east is right: Timbuktu above Sévaré, Gao right of Timbuktu, Tessalit above Kidal, Bamako left of all.
        var (sevare, timbuktu, gao, kidal, tessalit, bamako) = (await CentreAsync(page, "sevare"), await CentreAsync(page, "timbuktu"),
            await CentreAsync(page, "gao"), await CentreAsync(page, "kidal"), await CentreAsync(page, "tessalit"), await CentreAsync(page, "bamako-hq"));
        Assert.True(timbuktu.Y < sevare.Y && gao.X > timbuktu.X && tessalit.Y < kidal.Y, $"{sevare} {timbuktu} {gao} {kidal} {tessalit}");
        Assert.True(new[] { sevare, timbuktu, gao, kidal, tessalit }.All(p => p.X > bamako.X));
        Assert.Equal(0, await page.Locator("[data-unplaced]").CountAsync());

        // Mopti's sites stand too near one another for the country's map: Mopti has a closer map, every site named on it.
        var inset = page.Locator("[data-chart=inset][data-region=ML05]");
        await BoardPage.ScreenshotAsync(page, "board-map-mopti", page.Locator("figure.board-inset"));
        var mopti = sites.Where(s => s.Location.RegionPcode == "ML05").ToList();
        Assert.True(mopti.Count >= 3);
        Assert.Equal(mopti.Count, await inset.Locator("circle.site").CountAsync());
        // Each label carries the number written in its site's mark.
        var labels = await inset.Locator(".site-label text").AllTextContentsAsync();
        Assert.Equal(mopti.Select(s => s.DisplayName.En).Order(), labels.Select(l => l.Split(' ', 2)[1]).Order());
        foreach (var site in mopti)
        {
            var number = await inset.Locator("a", new() { Has = page.Locator($"circle[data-site='{site.Name}']") }).Locator("text.site-number").TextContentAsync();
            Assert.Contains($"{number} {site.DisplayName.En}", labels);
        }

        const string Boxes = "shapes => shapes.map(t => { const b = t.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })";
        var boxes = await inset.Locator(".site-label text").EvaluateAllAsync<double[][]>(Boxes);
        var marks = await inset.Locator("circle.site").EvaluateAllAsync<double[][]>(Boxes);
        for (var i = 0; i < boxes.Length; i++)
        {
            for (var j = i + 1; j < boxes.Length; j++)
            {
                Assert.True(Apart(boxes[i], boxes[j]), $"'{labels[i]}' and '{labels[j]}' are written over one another");
            }

            Assert.All(marks, mark => Assert.True(Apart(boxes[i], mark), $"'{labels[i]}' is written under a site's mark"));
        }

        // On the country's map the post hides Sévaré's mark; on Mopti's closer map each has its own.
        await inset.Locator("a", new() { Has = page.Locator("circle[data-site='missions/minusma/sites/sevare']") }).ClickAsync();
        await page.WaitForURLAsync("**/missions/minusma/sites/sevare");
        await page.Locator("[data-section=checklist]").WaitForAsync(new() { Timeout = 60_000 });
    }

    private static bool Apart(double[] a, double[] b) => a[2] <= b[0] + 0.5 || b[2] <= a[0] + 0.5 || a[3] <= b[1] + 0.5 || b[3] <= a[1] + 0.5;

    private static async Task<(double X, double Y)> CentreAsync(Microsoft.Playwright.IPage page, string site)
    {
        var mark = page.Locator($"[data-chart=map] circle.site[data-site='missions/minusma/sites/{site}']");
        return (double.Parse((await mark.GetAttributeAsync("cx"))!, CultureInfo.InvariantCulture),
            double.Parse((await mark.GetAttributeAsync("cy"))!, CultureInfo.InvariantCulture));
    }
}
