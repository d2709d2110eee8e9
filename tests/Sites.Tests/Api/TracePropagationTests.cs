using System.Collections.Concurrent;
using System.Diagnostics;
using MissionOps.Sites.V1;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>A call that asks other services shows as one trace: the services it asks continue the caller's trace.</summary>
public sealed class TracePropagationTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public async Task A_closure_and_the_calls_it_makes_to_Personnel_and_Projects_share_one_trace()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await OpenSiteWithChecklistDoneAsync("sevare");
        var requests = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = requests.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var root = new Activity("closure under test").Start();
        try
        {
            await Client.RecordSiteClosureAsync(CloseRequest("sevare", Day(2023, 12, 8)));
        }
        finally
        {
            root.Stop();
        }

        var closure = Assert.Single(requests, a => a.DisplayName.Contains("RecordSiteClosure", StringComparison.Ordinal));
        var occupancy = Assert.Single(requests, a => a.DisplayName.Contains("GetSiteOccupancy", StringComparison.Ordinal));
        var projects = Assert.Single(requests, a => a.DisplayName.Contains("ListOpenProjects", StringComparison.Ordinal));
        Assert.Equal(closure.TraceId, occupancy.TraceId);
        Assert.Equal(closure.TraceId, projects.TraceId);
        Assert.Equal(root.TraceId, closure.TraceId);
    }
}
