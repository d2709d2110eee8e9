using Microsoft.Extensions.DependencyInjection;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Events;
using MissionOps.Sites.V1;
using Npgsql;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>
/// A feed that has caught up waits for PostgreSQL's notification of the outbox's next commit rather than polling:
/// here the safety poll is 5 minutes (<see cref="SitesApp"/>), so an event that arrives within seconds was pushed.
/// Without notifications (the listening connection cut) feeds poll, and push is back once it reconnects.
/// </summary>
public sealed class OutboxNotificationTests(SitesApp app) : SitesApiTest(app)
{
    private static readonly TimeSpan WellBeforeThePoll = TimeSpan.FromSeconds(10);

    private OutboxSignal Signal => App.Service.Services.GetRequiredService<OutboxSignal>();

    [Fact]
    public async Task A_feed_that_has_caught_up_hears_the_next_commit_without_waiting_for_its_poll()
    {
        await WaitUntilListeningAsync();
        await CreateMissionWithMoptiAndPhase2Async();
        await using var feed = await OpenCaughtUpFeedAsync();

        await Client.CreateSiteAsync(CreateSite("sevare"));

        var next = await feed.NextAsync(WellBeforeThePoll);
        Assert.Equal(SiteCreated.Descriptor.FullName, next.Type);
        Assert.Equal($"{Minusma}/sites/sevare", next.Resource);
    }

    [Fact]
    public async Task A_feed_polls_while_notifications_are_cut_and_is_pushed_to_again_once_they_are_back()
    {
        await WaitUntilListeningAsync();
        await CreateMissionWithMoptiAndPhase2Async();
        await using var feed = await OpenCaughtUpFeedAsync();

        Assert.Equal(1, await CutListenerAsync());
        await Client.CreateSiteAsync(CreateSite("gao"));
        Assert.Equal($"{Minusma}/sites/gao", (await feed.NextAsync(WellBeforeThePoll)).Resource);

        await WaitUntilListeningAsync();
        await Client.CreateSiteAsync(CreateSite("timbuktu"));
        Assert.Equal($"{Minusma}/sites/timbuktu", (await feed.NextAsync(WellBeforeThePoll)).Resource);
    }

    private async Task<CaughtUpFeed> OpenCaughtUpFeedAsync()
    {
        var feed = new CaughtUpFeed(Client.WatchEvents(new WatchEventsRequest { Parent = Minusma }));
        await feed.DrainAsync(TimeSpan.FromSeconds(1));
        return feed;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (!Signal.IsListening)
        {
            Assert.True(DateTime.UtcNow < deadline, "the service did not listen for the outbox's notifications within 40 s");
            await Task.Delay(100);
        }
    }

    /// <summary>Ends the service's listening session as a restarted server or a broken network would; how many were ended.</summary>
    private async Task<long> CutListenerAsync()
    {
        await using var admin = new NpgsqlConnection(App.Postgres.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var cut = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'sites_tests' AND query LIKE 'LISTEN%'", admin);
        return (long)(await cut.ExecuteScalarAsync())!;
    }

    /// <summary>A feed read as it goes, one event at a time, heartbeats left out.</summary>
    private sealed class CaughtUpFeed(Grpc.Core.AsyncServerStreamingCall<ChangeEvent> call) : IAsyncDisposable
    {
        private Task<bool>? _pending;

        /// <summary>Reads what the feed has now, until it has been quiet for <paramref name="quiet"/>.</summary>
        public async Task DrainAsync(TimeSpan quiet)
        {
            while (true)
            {
                try
                {
                    await NextAsync(quiet);
                }
                catch (TimeoutException)
                {
                    return;
                }
            }
        }

        public async Task<ChangeEvent> NextAsync(TimeSpan within)
        {
            while (true)
            {
                _pending ??= call.ResponseStream.MoveNext(CancellationToken.None);
                if (await Task.WhenAny(_pending, Task.Delay(within)) != _pending)
                {
                    throw new TimeoutException($"no event within {within.TotalSeconds} s");
                }

                Assert.True(await _pending, "the feed ended");
                _pending = null;
                if (call.ResponseStream.Current.Type.Length > 0)
                {
                    return call.ResponseStream.Current;
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            call.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
