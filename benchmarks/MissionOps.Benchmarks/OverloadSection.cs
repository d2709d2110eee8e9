using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using MissionOps.Client;
using MissionOps.Common.V1;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Benchmarks.Answers;

namespace MissionOps.Benchmarks;

/// <summary>
/// Personnel, in this process with its default limits (64 calls at once, 256 queued), under far more callers than
/// that (issue 17): what the calls taken in, the calls refused, a health check asked meanwhile and the first caller
/// after the flood see; against the same service and calls within its limits, in the same run.
/// </summary>
public static class OverloadSection
{
    public const int Callers = 1_000;

    public const int CallersWithinLimits = 32;

    /// <summary>Kestrel takes 100 streams at once on an HTTP/2 connection: 16 carry the 1,000 callers without their calls waiting here.</summary>
    public const int Connections = 16;

    public const int CallsInARowAfter = 20;

    public static readonly TimeSpan HealthEvery = TimeSpan.FromMilliseconds(200);

    public static async Task RunAsync(bool quick)
    {
        var people = quick ? 1_000 : 5_000;
        var warmUp = TimeSpan.FromSeconds(quick ? 1 : 5);
        var withinLimits = TimeSpan.FromSeconds(quick ? 2 : 10);
        var flood = TimeSpan.FromSeconds(quick ? 3 : 20);
        Console.WriteLine();
        Console.WriteLine($"8. Overload: Personnel in this process with its default limits (64 calls at once, 256 queued), GetPerson of {people:N0} people " +
            $"over {Connections} HTTP/2 connections: {CallersWithinLimits} callers for {withinLimits.TotalSeconds:F0} s, then {Callers:N0} for {flood.TotalSeconds:F0} s");
        Console.WriteLine($"  load average at start: {BenchmarkRun.LoadAverage()}");
        var data = BenchData.Create(people);
        await using var host = await BenchHost.StartAsync(data);
        var channels = Enumerable.Range(0, Connections + 1).Select(_ => host.Personnel.ChannelWith(TestTokens.Administrator)).ToArray();
        using var healthChannel = GrpcChannel.ForAddress(host.Personnel.Address);
        try
        {
            async Task Read(GrpcChannel channel, int i)
            {
                var person = data.People[(int)((uint)i % (uint)data.People.Length)];
                var answer = await new PersonnelService.PersonnelServiceClient(channel).GetPersonAsync(
                    new GetPersonRequest { Name = $"{BenchData.Mission}/personnel/{person.Id}" }, deadline: DateTime.UtcNow.AddSeconds(30));
                Expect(answer.Name == $"{BenchData.Mission}/personnel/{person.Id}" && answer.FullName == person.FullName,
                    $"GetPerson of {person.Id} answered {answer.Name}, {answer.FullName}");
            }

            Task Call(int caller, int n) => Read(channels[caller % Connections], caller * 7919 + n * 31);

            ThrowOnFailures("the warm-up", await CallerFlood.RunAsync(CallersWithinLimits, warmUp, Call));
            // The connections the health check and the caller after the flood use are open before it, as an orchestrator's and a partner's would be.
            await HealthProbe.RunAsync(healthChannel, HealthEvery, TimeSpan.Zero);
            var after = channels[Connections];
            await Read(after, 0);

            var baseline = await CallerFlood.RunAsync(CallersWithinLimits, withinLimits, Call);
            var overload = CallerFlood.RunAsync(Callers, flood, Call);
            var health = HealthProbe.RunAsync(healthChannel, HealthEvery, flood);
            var recovery = RecoverAsync(flood, n => Read(after, n));
            await Task.WhenAll(overload, health, recovery);

            Print(baseline, overload.Result, health.Result, recovery.Result);
            ThrowOnFailures($"{CallersWithinLimits} callers within the limits", baseline);
            Expect(baseline.Refused.Length == 0, $"{baseline.Refused.Length} calls of {CallersWithinLimits} callers, within the limits, were refused");
            ThrowOnFailures($"{Callers:N0} callers", overload.Result);
            Expect(health.Result.Wrong.Count == 0, $"the health check during the flood answered {string.Join("; ", health.Result.Wrong.Take(5))}");
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    /// <summary>
    /// From the moment the flood stops: how long until a call is answered (a refused one tried again after 10 ms), and
    /// how many were refused before it; then <see cref="CallsInARowAfter"/> calls, each of which must be answered.
    /// </summary>
    private static async Task<(double FirstAnswerMilliseconds, int Refused, double InARowMilliseconds)> RecoverAsync(TimeSpan flood, Func<int, Task> read)
    {
        await Task.Delay(flood);
        var clock = Stopwatch.StartNew();
        var refused = 0;
        for (var n = 0; ; n++)
        {
            try
            {
                await read(n);
                break;
            }
            catch (RpcException e) when (MissionOpsException.From(e).Reason == ErrorReason.Overloaded && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                refused++;
                await Task.Delay(10);
            }
            catch (RpcException e)
            {
                throw new BenchmarkFailedException($"the first call after the flood failed after {clock.Elapsed.TotalSeconds:F1} s: {e.Status}");
            }
        }

        var first = clock.Elapsed.TotalMilliseconds;
        for (var n = 1; n <= CallsInARowAfter; n++)
        {
            try
            {
                await read(n);
            }
            catch (RpcException e)
            {
                throw new BenchmarkFailedException($"call {n} of {CallsInARowAfter} after the flood failed: {e.Status}");
            }
        }

        return (first, refused, clock.Elapsed.TotalMilliseconds - first);
    }

    private static void Print(FloodFigures baseline, FloodFigures overload, HealthFigures health, (double FirstAnswerMilliseconds, int Refused, double InARowMilliseconds) recovery)
    {
        Console.WriteLine();
        Console.WriteLine("Overload: GetPerson as callers saw it (a refused caller waits the RetryInfo's delay, then calls again)");
        Console.WriteLine($"  {"run",-14} {"callers",7} {"s",5} {"answered",9} {"calls/s",8} {"p50 ms",7} {"p99 ms",7} {"max ms",7}   {"refused",8} {"p50 / p99 ms",13} {"failed",6}");
        foreach (var (name, f) in new[] { ("within limits", baseline), ("overload", overload) })
        {
            Console.WriteLine($"  {name,-14} {f.Callers,7:N0} {f.Seconds,5:F1} {f.Admitted.Length,9:N0} {f.Admitted.Length / f.Seconds,8:F0} " +
                $"{Percentile(f.Admitted, 0.5),7:F1} {Percentile(f.Admitted, 0.99),7:F1} {Percentile(f.Admitted, 1),7:F1}   " +
                $"{f.Refused.Length,8:N0} {$"{Percentile(f.Refused, 0.5):F1} / {Percentile(f.Refused, 0.99):F1}",13} {f.FailureCount,6}");
        }

        var failures = overload.Failures.Concat(baseline.Failures).Select(f => $"{f.Key} {f.Value:N0}").ToList();
        Console.WriteLine($"  refused by status: UNAVAILABLE OVERLOADED with a RetryInfo {overload.Refused.Length + baseline.Refused.Length:N0}; " +
            $"any other failure: {(failures.Count == 0 ? "none" : string.Join(", ", failures))}");
        var p99 = Percentile(overload.Admitted, 0.99) / Percentile(baseline.Admitted, 0.99);
        Console.WriteLine($"  answered p99 under overload {Percentile(overload.Admitted, 0.99):F1} ms against {Percentile(baseline.Admitted, 0.99):F1} ms within limits: {p99:F1}x");
        Console.WriteLine($"  health check every {HealthEvery.TotalMilliseconds:F0} ms during the flood: {health.Milliseconds.Length} answered, " +
            $"p50 {Percentile(health.Milliseconds, 0.5):F1} ms, p99 {Percentile(health.Milliseconds, 0.99):F1} ms, max {Percentile(health.Milliseconds, 1):F1} ms; " +
            $"SERVING every time: {(health.Wrong.Count == 0 ? "yes" : $"NO ({health.Wrong.Count} not)")}");
        Console.WriteLine($"  recovery: the first call after the flood answered in {recovery.FirstAnswerMilliseconds:F0} ms ({recovery.Refused} refused before it); " +
            $"the next {CallsInARowAfter} in a row answered, in {recovery.InARowMilliseconds:F0} ms");
        Console.WriteLine($"  load average at the end: {BenchmarkRun.LoadAverage()}");
    }

    private static double Percentile(double[] sorted, double fraction) => sorted.Length == 0 ? double.NaN : Stats.Percentile(sorted, fraction);

    private static void ThrowOnFailures(string run, FloodFigures figures)
    {
        if (figures.FailureCount > 0)
        {
            throw new BenchmarkFailedException($"{figures.FailureCount} calls of {run} failed otherwise than refused as overloaded; the first: " +
                string.Join("; ", figures.FirstFailures));
        }
    }
}
