namespace MissionOps.Board.Calls;

/// <summary>
/// A page's hold on its mission's Sites feed: started once the page is drawn, stopped when the page goes or draws
/// something else. A change calls <c>changed</c> on the page's own dispatcher, so the page reads and draws again.
/// </summary>
public sealed class LiveFeed(UserCalls calls, ILogger logger) : IAsyncDisposable
{
    private CancellationTokenSource? _following;

    /// <summary>Cancelled when the page stops following: reads made for the page stop with it.</summary>
    public CancellationToken Token => _following?.Token ?? CancellationToken.None;

    /// <param name="resource">Only changes of this resource count (a site's page), or every change of the mission.</param>
    public async Task StartAsync(string missionId, string? resource, Func<Task> changed)
    {
        await StopAsync();
        _following = new CancellationTokenSource();
        _ = FollowAsync(missionId, resource, DateTimeOffset.UtcNow, changed, _following.Token);
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

    private async Task FollowAsync(string missionId, string? resource, DateTimeOffset drawnAt, Func<Task> changed, CancellationToken token)
    {
        try
        {
            await MissionChanges.FollowAsync(calls, missionId, resource, drawnAt, changed, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Grpc.Core.RpcException e)
        {
            // The page stays as drawn; a reload follows the feed again.
            logger.LogWarning("The board stopped following {Mission}'s Sites feed: {Status}", missionId, e.Status);
        }
    }
}
