using Microsoft.Playwright;
using MissionOps.Testing;

namespace MissionOps.Board.Tests;

/// <summary>Signs in to the board in a browser tab through its development page, as a person would.</summary>
public static class BoardPage
{
    public static async Task<IPage> SignedInAsync(BoardApp app, string role, string mission = "minusma", string? language = null)
    {
        var page = await app.Browser.NewPageAsync();
        if (language is not null)
        {
            await page.GotoAsync(app.Url($"/culture?name={language}&returnUrl=/signin"));
        }
        else
        {
            await page.GotoAsync(app.Url("/signin"));
        }

        await page.FillAsync("#mission", mission);
        await page.CheckAsync($"#role-{role}");
        await page.FillAsync("#name", $"test {role}");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**/missions/{mission}");
        return page;
    }

    /// <summary>The whole page (or one part of it) as a picture: into docs/images with MISSIONOPS_SCREENSHOTS=update (the README shows them), else a folder of the run.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, ILocator? only = null)
    {
        await StyledAsync(page);
        var path = Path.Combine(Folder, $"{name}.png");
        if (only is null)
        {
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        }
        else
        {
            await only.ScreenshotAsync(new() { Path = path });
        }
    }

    /// <summary>Waits until the board's own stylesheet applies (its header's colour): a page drawn without it is unreadable.</summary>
    public static Task StyledAsync(IPage page) =>
        page.WaitForFunctionAsync("() => getComputedStyle(document.querySelector('.board-header')).backgroundColor === 'rgb(15, 61, 110)'",
            null, new() { Timeout = 15_000 });

    /// <summary>A file the board made (a PDF), kept beside the screenshots for people to look at.</summary>
    public static async Task KeepAsync(byte[] bytes, string name)
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), bytes);
    }

    private static string Folder => Environment.GetEnvironmentVariable("MISSIONOPS_SCREENSHOTS") == "update"
        ? Path.Combine(Repository.Root, "docs", "images")
        : Path.Combine(Path.GetTempPath(), "missionops-screenshots");

    /// <summary>The row of a drawing's table (<c>data-table</c>) whose heading cell holds <paramref name="heading"/>.</summary>
    public static ILocator Row(IPage page, string table, string heading) =>
        page.Locator($"table[data-table={table}] tr", new() { Has = page.Locator("th", new() { HasTextString = heading }) });

    /// <summary>No rule of axe-core broken, each broken one listed with where it is.</summary>
    public static void AssertNoViolations(Deque.AxeCore.Commons.AxeResult result, string where) =>
        Assert.True(result.Violations.Length == 0,
            $"{where}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));

    /// <summary>Waits for the mission's overview to be drawn: its timeline, or the refusal in its place.</summary>
    public static Task ReadyAsync(IPage page) =>
        page.Locator("[data-chart=timeline], [role=alert]").First.WaitForAsync(new() { Timeout = 60_000 });
}
