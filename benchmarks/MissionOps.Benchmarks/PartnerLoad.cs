using System.Collections.Concurrent;
using System.Diagnostics;

namespace MissionOps.Benchmarks;

/// <summary>One call a partner client makes, named by its RPC; it throws when the answer is wrong.</summary>
public sealed record PartnerCall(string Operation, Func<Task> Call);

/// <summary>The figures of one operation, or of all of them together, over a run.</summary>
public sealed record OperationFigures(string Operation, int Calls, int Errors, double Seconds, double P50Milliseconds, double P99Milliseconds)
{
    public double CallsPerSecond => Calls / Seconds;
}

public sealed record PartnerLoadFigures(IReadOnlyList<OperationFigures> Operations, OperationFigures Total, IReadOnlyList<string> FirstErrors);

/// <summary>
/// Runs every client for a fixed time, each making its next call when its last one answered, and
/// times each call by operation. Unlike <see cref="LoadDriver"/> a failed call or a wrong answer does
/// not stop the run: it is counted against its operation, and the run goes on so the figures say
/// how many; only a flood of them (the system gone) ends it early.
/// </summary>
public static class PartnerLoad
{
    private const int ErrorsBeforeGivingUp = 200;

    /// <param name="clients">For each client, its call number n.</param>
    public static async Task<PartnerLoadFigures> RunAsync(IReadOnlyList<Func<int, PartnerCall>> clients, TimeSpan duration)
    {
        var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var errors = new ConcurrentDictionary<string, int>();
        var firstErrors = new ConcurrentQueue<string>();
        var calls = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.WriteLine(
            $"  {clock.Elapsed.TotalMinutes,4:F1} min: {Volatile.Read(ref calls):N0} calls, {Volatile.Read(ref failed)} errors"),
            null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await Task.WhenAll(clients.Select(next => Task.Run(async () =>
        {
            for (var n = 0; clock.Elapsed < duration && Volatile.Read(ref failed) < ErrorsBeforeGivingUp; n++)
            {
                var call = next(n);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await call.Call();
                    latencies.GetOrAdd(call.Operation, _ => []).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                catch (Exception e) when (e is Grpc.Core.RpcException or BenchmarkFailedException or HttpRequestException)
                {
                    errors.AddOrUpdate(call.Operation, 1, (_, count) => count + 1);
                    if (Interlocked.Increment(ref failed) <= 10)
                    {
                        firstErrors.Enqueue($"{call.Operation}: {e.Message}");
                    }
                }

                Interlocked.Increment(ref calls);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var operations = latencies.Keys.Union(errors.Keys).Order(StringComparer.Ordinal)
            .Select(o => Figures(o, latencies.TryGetValue(o, out var l) ? l : [], errors.GetValueOrDefault(o), seconds))
            .ToList();
        return new PartnerLoadFigures(operations, Figures("all", latencies.Values.SelectMany(l => l), failed, seconds), [.. firstErrors]);
    }

    private static OperationFigures Figures(string operation, IEnumerable<double> answered, int errors, double seconds)
    {
        var sorted = answered.Order().ToArray();
        return sorted.Length == 0
            ? new OperationFigures(operation, errors, errors, seconds, double.NaN, double.NaN)
            : new OperationFigures(operation, sorted.Length + errors, errors, seconds, Stats.Percentile(sorted, 0.50), Stats.Percentile(sorted, 0.99));
    }
}
