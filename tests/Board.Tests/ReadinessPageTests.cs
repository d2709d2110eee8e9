using MissionOps.Liquidation.V1;

namespace MissionOps.Board.Tests;

[Collection(BoardCollection.Name)]
public sealed class ReadinessPageTests(BoardApp app) : BoardTest(app.Browser)
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
    public async Task Every_blocker_links_to_its_own_page_named_as_liquidation_names_it()
    {
        var readiness = await app.Administrator.Liquidation.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = "missions/minusma" });
        Assert.Contains(readiness.BlockingItems, i => i.Kind == BlockerKind.AssetNotDisposed);
        Assert.Contains(readiness.BlockingItems, i => i.Kind == BlockerKind.LiabilityOpen);
        var page = await OpenAsync("viewer");

        foreach (var item in readiness.BlockingItems)
        {
            var link = page.Locator($"li[data-kind={item.Kind}] a[href='/{item.Resource}']");
            Assert.Equal(item.DisplayName.En, (await link.First.TextContentAsync())?.Trim());
        }

        foreach (var item in readiness.BlockingItems.DistinctBy(i => i.Kind))
        {
            await page.Locator($"li[data-kind={item.Kind}] a[href='/{item.Resource}']").First.ClickAsync();
            await page.WaitForURLAsync($"**/{item.Resource}");
            var heading = page.Locator("h1");
            await Microsoft.Playwright.Assertions.Expect(heading).ToContainTextAsync(item.DisplayName.En, new() { Timeout = 60_000 });
            Assert.Equal(0, await page.Locator("[role=alert]").CountAsync());
            await page.GoBackAsync();
            await page.Locator(".board-readiness-summary").WaitForAsync(new() { Timeout = 60_000 });
        }
    }

    private async Task<Microsoft.Playwright.IPage> OpenAsync(string role)
    {
        var page = await BoardPage.SignedInAsync(app, role);
        await page.GotoAsync(app.Url("/missions/minusma/readiness"));
        await page.Locator(".board-readiness-summary, [role=alert]").First.WaitForAsync(new() { Timeout = 60_000 });
        return page;
    }
}
