using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using MissionOps.Client;
using MissionOps.Common.V1;

namespace MissionOps.Benchmarks;

/// <summary>
/// What callers saw in one run: the calls taken in and answered (their latencies, sorted), the calls refused with
/// UNAVAILABLE and reason OVERLOADED (how long the refusal took, sorted), and every other failure or wrong answer, by status.
/// </summary>
public sealed record FloodFigures(int Callers, double Seconds, double[] Admitted, double[] Refused, IReadOnlyDictionary<string, int> Failures, IReadOnlyList<string> FirstFailures)
{
    public int FailureCount => Failures.Values.Sum();
}

/// <summary>
/// Keeps a number of callers calling for a fixed time, each making its next call when its last one answered. A caller
/// refused as overloaded waits the RetryInfo's delay before calling again, as the contract asks and as MissionOps clients
/// do, so the flood measures the service's shedding rather than this process spinning on refusals.
/// </summary>
public static class CallerFlood
{
    /// <param name="call">Makes call number n of caller c and checks its answer.</param>
    public static async Task<FloodFigures> RunAsync(int callers, TimeSpan duration, Func<int, int, Task> call)
    {
        var admitted = new List<double>[callers];
        var refused = new List<double>[callers];
        var failures = new ConcurrentDictionary<string, int>();
        var firstFailures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var answered = admitted[caller] = [];
            var turnedAway = refused[caller] = [];
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                var start = Stopwatch.GetTimestamp();
                string failure;
                try
                {
                    await call(caller, n);
                    answered.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    continue;
                }
                catch (RpcException e) when (MissionOpsException.From(e) is { Code: StatusCode.Unavailable, Reason: ErrorReason.Overloaded, RetryDelay: { } retry })
                {
                    turnedAway.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    var left = duration - clock.Elapsed;
                    await Task.Delay(retry < left ? retry : left > TimeSpan.Zero ? left : TimeSpan.Zero);
                    continue;
                }
                catch (RpcException e)
                {
                    var read = MissionOpsException.From(e);
                    failure = $"{e.StatusCode} {(read.Reason == ErrorReason.Unspecified ? "(no reason)" : read.Reason.WireName())}" +
                        (read.Reason == ErrorReason.Overloaded ? " without a RetryInfo" : string.Empty);
                    Keep(firstFailures, $"{failure}: {e.Status.Detail}");
                }
                catch (Exception e) when (e is BenchmarkFailedException or HttpRequestException)
                {
                    failure = e is BenchmarkFailedException ? "wrong answer" : "no answer";
                    Keep(firstFailures, $"{failure}: {e.Message}");
                }

                failures.AddOrUpdate(failure, 1, (_, count) => count + 1);
            }
        })));
        return new FloodFigures(callers, clock.Elapsed.TotalSeconds, [.. admitted.SelectMany(l => l).Order()], [.. refused.SelectMany(l => l).Order()],
            failures, [.. firstFailures]);
    }

    private static void Keep(ConcurrentQueue<string> firstFailures, string failure)
    {
        if (firstFailures.Count < 5)
        {
            firstFailures.Enqueue(failure);
        }
    }
}
