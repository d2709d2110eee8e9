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

/// <param name="Services">By the service called, the part of an operation's name before its dot.</param>
public sealed record PartnerLoadFigures(
    IReadOnlyList<OperationFigures> Operations, IReadOnlyList<OperationFigures> Services, OperationFigures Total, IReadOnlyList<string> FirstErrors);

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
    /// <param name="everyMinute">Told the time, the calls and the errors so far each minute of the run (not at its end); by default they are printed.</param>
    public static async Task<PartnerLoadFigures> RunAsync(
        IReadOnlyList<Func<int, PartnerCall>> clients, TimeSpan duration, Action<TimeSpan, int, int>? everyMinute = null)
    {
        everyMinute ??= (elapsed, calls, failed) => Console.WriteLine($"  {elapsed.TotalMinutes,4:F1} min: {calls:N0} calls, {failed} errors");
        var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var errors = new ConcurrentDictionary<string, int>();
        var firstErrors = new ConcurrentQueue<string>();
        var calls = 0;
        var failed = 0;
        var minutes = 0;
        var clock = Stopwatch.StartNew();
        // Counted, not read off the clock: a timer may fire a few milliseconds early, and the run's last minute is its end.
        using var progress = new Timer(
            _ =>
            {
                if (TimeSpan.FromMinutes(Interlocked.Increment(ref minutes)) < duration)
                {
                    everyMinute(clock.Elapsed, Volatile.Read(ref calls), Volatile.Read(ref failed));
                }
            },
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
        var names = latencies.Keys.Union(errors.Keys).Order(StringComparer.Ordinal).ToList();
        var operations = names.Select(o => Figures(o, Answered(o), errors.GetValueOrDefault(o), seconds)).ToList();
        var services = names.GroupBy(o => o.Split('.')[0])
            .Select(s => Figures(s.Key, s.SelectMany(Answered), s.Sum(o => errors.GetValueOrDefault(o)), seconds))
            .ToList();
        return new PartnerLoadFigures(operations, services, Figures("all", latencies.Values.SelectMany(l => l), failed, seconds), [.. firstErrors]);

        IEnumerable<double> Answered(string operation) => latencies.TryGetValue(operation, out var l) ? l : [];
    }

    private static OperationFigures Figures(string operation, IEnumerable<double> answered, int errors, double seconds)
    {
        var sorted = answered.Order().ToArray();
        return sorted.Length == 0
            ? new OperationFigures(operation, errors, errors, seconds, double.NaN, double.NaN)
            : new OperationFigures(operation, sorted.Length + errors, errors, seconds, Stats.Percentile(sorted, 0.50), Stats.Percentile(sorted, 0.99));
    }
}
