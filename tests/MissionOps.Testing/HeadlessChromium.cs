using Microsoft.Playwright;

namespace MissionOps.Testing;

/// <summary>
/// Debian's chromium driven by Playwright: no browser can be downloaded here, so Playwright's own is never installed.
/// Missing, the test fails saying what to install; CI installs it (.ci/run).
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No browser at {ChromiumPath}: apt-get install -y chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        // As root, chromium runs only without its sandbox.
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
        return new HeadlessChromium(playwright, browser);
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<IPage> _opened = new();

    /// <summary>A tab of its own (a context of its own: its own cookies), closed by <see cref="CloseTabsAsync"/>.</summary>
    public async Task<IPage> NewPageAsync(int width = 1400, int height = 1000)
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        _opened.Enqueue(page);
        return page;
    }

    /// <summary>Closes every tab opened so far, with its context.</summary>
    public async Task CloseTabsAsync()
    {
        while (_opened.TryDequeue(out var page))
        {
            await page.Context.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
