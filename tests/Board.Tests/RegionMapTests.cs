using MissionOps.Client;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Tests;

[Collection(BoardCollection.Name)]
public sealed class RegionMapTests(BoardApp app)
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
}
