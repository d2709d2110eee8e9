using System.Collections.Concurrent;
using System.Diagnostics;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Telemetry;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>
/// A decision and what it causes in another service read as one trace: the event carries the trace of the call that
/// made the change, and Liquidation handles it in that trace, linked to it.
/// </summary>
public sealed class FeedTraceTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task The_disposal_cases_a_closure_opens_are_handled_in_the_closure_s_trace()
    {
        var generator = CreateAsset("gen-1", AssetCategory.Generator, 100_000);
        generator.Asset.Site = "missions/minusma/sites/douentza";
        await Client.CreateAssetAsync(generator);
        var finished = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or BackgroundWork.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = finished.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var root = new Activity("closure under test").Start();
        try
        {
            await MinusmaSites.CloseAsync(App.SitesClient, "douentza");
        }
        finally
        {
            root.Stop();
        }

        await CasesWhenAsync(c => c.Count >= 1);
        var handling = await HandlingAsync(finished, "Liquidation handles SiteClosed");
        var closure = Assert.Single(finished, a => a.DisplayName.Contains("RecordSiteClosure", StringComparison.Ordinal));
        Assert.Equal(root.TraceId, closure.TraceId);
        Assert.Equal(closure.TraceId, handling.TraceId);
        Assert.Equal(closure.SpanId, handling.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, handling.Kind);
        Assert.Equal(closure.SpanId, Assert.Single(handling.Links).Context.SpanId);
        Assert.Equal("missionops.sites.v1.SiteClosed", handling.GetTagItem("missionops.event.type"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00-not-a-trace")]
    public void An_event_that_carries_no_trace_is_handled_in_a_trace_of_its_own(string traceParent)
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BackgroundWork.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        using var handling = BackgroundWork.StartHandling("Liquidation handles SiteClosed", traceParent, sequence: 1, "missionops.sites.v1.SiteClosed");

        Assert.NotNull(handling);
        Assert.Equal(default, handling.ParentSpanId);
        Assert.Empty(handling.Links);
    }

    private static async Task<Activity> HandlingAsync(ConcurrentBag<Activity> finished, string name)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            if (finished.FirstOrDefault(a => a.DisplayName == name) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"no span {name} finished in 10 s");
    }
}
