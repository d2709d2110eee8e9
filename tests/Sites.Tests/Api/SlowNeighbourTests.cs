using System.Diagnostics;
using Google.Rpc;
using Grpc.Core;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using Xunit.Abstractions;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>
/// Personnel hung (it accepts connections and never answers): closures that must ask it are refused UNAVAILABLE within
/// their deadline, the service keeps answering the rest meanwhile, and once most calls to Personnel have failed the
/// next closures are refused at once instead of each waiting the deadline out.
/// </summary>
public sealed class SlowNeighbourTests(SitesApp app, ITestOutputHelper output) : SitesApiTest(app)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_hung_Personnel_costs_each_closure_its_deadline_then_nothing_once_calls_to_it_are_held_off()
    {
        await using var hung = SilentServer.Start();
        await using var isolated = new GrpcServiceFactory<Program>(App.Postgres, Extensions.DatabaseName, "sites_with_hung_personnel")
            .WithService("personnel", hung.Address)
            .WithService("projects", App.Projects.Address)
            .WithSetting("ServiceCalls:Timeout", Deadline.ToString())
            .WithSetting("ServiceCalls:Breaker:MinimumThroughput", "8")
            .WithSetting("ServiceCalls:Breaker:BreakDuration", "00:01:00");
        isolated.Start();
        var client = new SitesService.SitesServiceClient(isolated.Channel);
        await client.CreateMissionWithMoptiAndPhase2Async();
        await client.OpenSiteWithChecklistDoneAsync("sevare");

        // Eight closures at once, each waiting on Personnel; meanwhile a read that needs no neighbour is answered.
        var closures = Enumerable.Range(0, 8).Select(_ => TimedFailureAsync(() => client.RecordSiteClosureAsync(CloseRequest("sevare", Day(2023, 12, 8))).ResponseAsync)).ToList();
        var read = Stopwatch.StartNew();
        await client.GetSiteAsync(new GetSiteRequest { Name = $"{Minusma}/sites/sevare" });
        read.Stop();
        var waited = await Task.WhenAll(closures);

        Assert.All(waited, w => AssertNamesPersonnel(w.Failure));
        Assert.All(waited, w => Assert.InRange(w.Elapsed, Deadline * 0.9, Deadline * 3));
        Assert.True(read.Elapsed < Deadline, $"A read took {read.Elapsed} while closures waited on Personnel");

        // Calls to Personnel are now held off: the next closure is refused without waiting, told when to come back.
        var held = await TimedFailureAsync(() => client.RecordSiteClosureAsync(CloseRequest("sevare", Day(2023, 12, 8))).ResponseAsync);
        AssertNamesPersonnel(held.Failure);
        Assert.True(held.Elapsed < Deadline / 2, $"A closure took {held.Elapsed} with calls to Personnel held off");
        Assert.InRange(held.Failure.GetRpcStatus()!.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan(), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));

        Assert.Equal(SiteState.Closing, (await client.GetSiteAsync(new GetSiteRequest { Name = $"{Minusma}/sites/sevare" })).State);
        output.WriteLine($"Hung Personnel, deadline {Deadline.TotalSeconds} s: closures refused after {Median(waited.Select(w => w.Elapsed)).TotalMilliseconds:F0} ms (median of 8 at once), " +
            $"a read meanwhile {read.Elapsed.TotalMilliseconds:F0} ms, a closure once calls are held off {held.Elapsed.TotalMilliseconds:F0} ms");
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values) => values.Order().ElementAt(values.Count() / 2);

    private static void AssertNamesPersonnel(RpcException failure)
    {
        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.Equal("personnel", failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata["service"]);
        Assert.NotNull(failure.GetRpcStatus()?.GetDetail<RetryInfo>());
    }

    private static async Task<(RpcException Failure, TimeSpan Elapsed)> TimedFailureAsync(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        var failure = await RpcAssert.Fails(StatusCode.Unavailable, call);
        return (failure, watch.Elapsed);
    }
}
