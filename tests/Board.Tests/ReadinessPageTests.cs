using MissionOps.Liquidation.V1;

namespace MissionOps.Board.Tests;

[Collection(BoardCollection.Name)]
public sealed class ReadinessPageTests(BoardApp app)
{
    private static readonly (string Service, BlockerKind[] Kinds)[] Groups =
    [
        ("sites", [BlockerKind.SiteNotHandedOver]),
        ("personnel", [BlockerKind.PersonnelRemaining]),
        ("projects", [BlockerKind.ProjectOpen]),
        ("liquidation", [BlockerKind.AssetNotDisposed, BlockerKind.LiabilityOpen, BlockerKind.RecordsNotArchived]),
    ];

    [Fact]
    public async Task The_checklist_holds_every_blocker_under_its_service_and_owners_only_for_those_who_may_read_people()
    {
        var readiness = await app.Administrator.Liquidation.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = "missions/minusma" });
        var owners = readiness.BlockingItems.Select(i => i.Owner).Where(o => o.Length > 0).Distinct().ToList();
        Assert.NotEmpty(owners);

        var viewer = await OpenAsync("viewer");
        await BoardPage.ScreenshotAsync(viewer, "board-readiness");
        foreach (var (service, kinds) in Groups)
        {
            Assert.Equal(readiness.BlockingItems.Count(i => kinds.Contains(i.Kind)), await viewer.Locator($"[data-service={service}] li").CountAsync());
        }

        Assert.Equal(readiness.Ready ? "true" : "false", await viewer.Locator(".board-readiness-summary").GetAttributeAsync("data-ready"));
        var seenByViewer = await viewer.Locator("main").TextContentAsync();
        Assert.All(owners, owner => Assert.DoesNotContain(owner, seenByViewer));

        var personnel = await OpenAsync("personnel");
        var seenByPersonnel = await personnel.Locator("main").TextContentAsync();
        Assert.All(owners, owner => Assert.Contains(owner, seenByPersonnel));
    }

    [Fact]
    public async Task A_site_that_blocks_links_to_its_page()
    {
        var page = await OpenAsync("viewer");
        var link = page.Locator("[data-service=sites] li a").First;
        var href = await link.GetAttributeAsync("href");

        Assert.Matches("^/missions/minusma/sites/[a-z0-9-]+$", href);
        await link.ClickAsync();
        await page.Locator("[data-section=checklist]").WaitForAsync(new() { Timeout = 60_000 });
        var site = await app.Administrator.Sites.GetSiteAsync(new Sites.V1.GetSiteRequest { Name = href![1..] });
        Assert.Equal(site.DisplayName.En, await page.Locator("h1").TextContentAsync());
    }

    private async Task<Microsoft.Playwright.IPage> OpenAsync(string role)
    {
        var page = await BoardPage.SignedInAsync(app, role);
        await page.GotoAsync(app.Url("/missions/minusma/readiness"));
        await page.Locator(".board-readiness-summary, [role=alert]").First.WaitForAsync(new() { Timeout = 60_000 });
        return page;
    }
}
