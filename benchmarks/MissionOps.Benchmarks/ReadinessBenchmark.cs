using System.Diagnostics;
using MissionOps.Liquidation.V1;

namespace MissionOps.Benchmarks;

/// <summary>
/// GetClosureReadiness of the bench mission, one call at a time: Liquidation asks Sites for the
/// sites, Personnel for who is still at them, Projects for what is open, and reads its own assets.
/// The answer must count every site, project and asset the benchmark made, and everyone its movements left at a site.
/// </summary>
public sealed class ReadinessBenchmark(BenchHost host, BenchData data, ReadsData reads, int personnelRemaining)
{
    public const double TargetMilliseconds = 100;

    public async Task<IReadOnlyList<double>> RunAsync(int warmUps, int runs)
    {
        var client = new LiquidationService.LiquidationServiceClient(host.Liquidation!.Channel);
        var times = new List<double>();
        for (var run = -warmUps; run < runs; run++)
        {
            Stats.SettleGarbageCollector();
            var clock = Stopwatch.StartNew();
            var readiness = await client.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = BenchData.Mission });
            clock.Stop();
            Check(readiness.Totals);
            if (run >= 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"  {runs} runs after {warmUps} warm-up calls: {string.Join(", ", times.Select(t => $"{t:F0}"))} ms");
        return times;
    }

    private void Check(ReadinessTotals totals)
    {
        var expected = new ReadinessTotals
        {
            SitesNotHandedOver = data.SiteIds.Count,
            PersonnelRemaining = personnelRemaining,
            ProjectsOpen = reads.ProjectIds.Length,
            AssetsNotDisposed = reads.AssetIds.Length,
        };
        if (!totals.Equals(expected))
        {
            throw new BenchmarkFailedException($"GetClosureReadiness counted {totals}, not {expected}");
        }
    }
}
