namespace MissionOps.Board.Calls;

/// <summary>
/// A page's hold on its mission's feeds: started once the page is drawn, stopped when the page goes or draws something
/// else. A change calls <c>changed</c>, which the page runs on its own dispatcher to read and draw again.
/// </summary>
public sealed class LiveFeed(UserCalls calls, ILogger logger) : IAsyncDisposable
{
    /// <summary>How often a page whose reader may not follow Personnel's feed reads the headcount again.</summary>
    public static readonly TimeSpan HeadcountRefresh = TimeSpan.FromMinutes(1);

    private CancellationTokenSource? _following;

    /// <summary>Cancelled when the page stops following: reads made for the page stop with it.</summary>
    public CancellationToken Token => _following?.Token ?? CancellationToken.None;

    /// <param name="resource">Only changes of this resource count (a site's page), or every change of the mission.</param>
    /// <param name="headcount">Whether the page shows the headcount: then it follows Personnel's feed, or without the rights to, a clock.</param>
    /// <param name="mayReadPeople">Whether the reader's role reads Personnel's feed.</param>
    /// <param name="forecast">Whether the page shows the forecast: then a site's forecast crossing its phase's end redraws it.</param>
    public async Task StartAsync(string missionId, string? resource, Func<Task> changed, bool headcount = false, bool mayReadPeople = false,
        bool forecast = false)
    {
        await StopAsync();
        _following = new CancellationTokenSource();
        var token = _following.Token;
        var drawnAt = DateTimeOffset.UtcNow;
        _ = RunAsync(missionId, "Sites", () => MissionChanges.FollowSitesAsync(calls, missionId, resource, drawnAt, changed, token), token);
        if (forecast)
        {
            _ = RunAsync(missionId, "Liquidation", () => MissionChanges.FollowOutlooksAsync(calls, missionId, resource, drawnAt, changed, token), token);
        }
        if (headcount && mayReadPeople)
        {
            _ = RunAsync(missionId, "Personnel", () => MissionChanges.FollowHeadcountAsync(calls, missionId, drawnAt, changed, token), token);
        }
        else if (headcount)
        {
            _ = RunAsync(missionId, "the clock", async () =>
            {
                using var clock = new PeriodicTimer(HeadcountRefresh);
                while (await clock.WaitForNextTickAsync(token))
                {
                    await changed();
                }
            }, token);
        }
    }

    public async Task StopAsync()
    {
        if (_following is { } following)
        {
            _following = null;
            await following.CancelAsync();
            following.Dispose();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task RunAsync(string missionId, string source, Func<Task> follow, CancellationToken token)
    {
        try
        {
            await follow();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Grpc.Core.RpcException e)
        {
            // The page stays as drawn; a reload follows the feed again.
            logger.LogWarning("The board stopped following {Mission}'s changes from {Source}: {Status}", missionId, source, e.Status);
        }
    }
}
