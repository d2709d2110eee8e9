using MissionOps.Testing;

namespace MissionOps.Board.Tests;

/// <summary>
/// A test of the board. The tabs it opened are closed when it ends: an open page follows the feeds and reads the services
/// again on every change, so tabs left open by the tests before would slow every test after them.
/// </summary>
public abstract class BoardTest(HeadlessChromium browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseTabsAsync();
}
