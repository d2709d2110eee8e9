using MissionOps.Testing;

namespace MissionOps.AppHost.Tests;

/// <summary>The dashboard's "Drawdown board" link opens the board, which signs a person in and draws MINUSMA's demo drawdown from the four services.</summary>
[Collection(SystemCollection.Name)]
public sealed class BoardEndToEndTests(MissionOpsSystem system)
{
    [Fact]
    public async Task The_dashboard_links_to_the_drawdown_board_which_draws_minusma_for_a_signed_in_viewer()
    {
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("board", startup.Token);
        Assert.True(system.App.ResourceNotifications.TryGetCurrentState("board", out var state));
        var link = Assert.Single(state.Snapshot.Urls, u => u.DisplayProperties.DisplayName == "Drawdown board");

        await using var browser = await HeadlessChromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(new Uri(link.Url), "/missions/minusma").ToString());
        // Not signed in: the board sends the person to its sign-in page first, and back to MINUSMA after.
        await page.WaitForURLAsync("**/signin?returnUrl=*");
        await page.CheckAsync("#role-viewer");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/missions/minusma");
        await page.Locator("[data-chart=timeline]").WaitForAsync(new() { Timeout = 60_000 });

        Assert.Contains("Sévaré camp", await page.Locator("[data-chart=timeline]").TextContentAsync());
        Assert.True(await page.Locator("[data-chart=headcount] polyline.total.recorded").CountAsync() == 1);
    }
}
