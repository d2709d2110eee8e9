using System.Diagnostics;
using MissionOps.Client;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Benchmarks;

/// <summary>
/// The whole system as the AppHost starts it, with its demo data, under partners reading and writing through
/// each service's gRPC endpoint with the MissionOps.Client package for a fixed time; each service process's
/// working set before and after, against the 250 MB target.
/// </summary>
public static class LoadSection
{
    public static async Task RunAsync(bool quick, TimeSpan duration, int readers, int writers)
    {
        Console.WriteLine();
        Console.WriteLine($"5. The whole system under partner load: {readers} readers and {writers} writers for {duration.TotalMinutes:0.#} min, " +
            "through the AppHost's gRPC endpoints with MissionOps.Client");
        var setUp = Stopwatch.StartNew();
        await using var system = await AppHostProcess.StartAsync(TimeSpan.FromMinutes(10));
        Console.WriteLine($"  the AppHost started the system with its demo data in {setUp.Elapsed.TotalSeconds:F0} s (its output: {system.LogFile})");
        var partners = new List<MissionOpsClient>();
        try
        {
            var administrator = Connect(system.Issuer, "load-setup", $"{MissionRoles.AnyMission}:{MissionRoles.Administrator}", partners);
            var demo = await DemoSample.ReadAsync(administrator);
            Console.WriteLine($"  demo data: {demo.Describe()}");
            // Liquidation follows the other services' feeds once they have loaded their demo: let that settle before the first reading.
            await Task.Delay(TimeSpan.FromSeconds(quick ? 5 : 30));
            var before = ServiceMemory.Read(AppHostProcess.RepositoryRoot, AppHostProcess.Services.Select(s => s.Name));

            var run = Guid.NewGuid().ToString("N")[..6];
            var clients = new List<Func<int, PartnerCall>>();
            for (var r = 0; r < readers; r++)
            {
                var role = PartnerReader.Roles[r % PartnerReader.Roles.Length];
                clients.Add(new PartnerReader(Connect(system.Issuer, $"partner-reader-{r}", $"minusma:{role}", partners), demo, role, r).Next);
            }

            for (var w = 0; w < writers; w++)
            {
                clients.Add(new PartnerWriter(Connect(system.Issuer, $"partner-writer-{w}", "minusma:planner", partners), demo, run, w).Next);
            }

            var warmUp = TimeSpan.FromSeconds(quick ? 5 : 20);
            var warm = await PartnerLoad.RunAsync(clients, warmUp);
            Console.WriteLine($"  warm-up: {warm.Total.Calls:N0} calls in {warmUp.TotalSeconds:F0} s, {warm.Total.Errors} errors, not counted below");
            ThrowOnErrors(warm);
            var figures = await PartnerLoad.RunAsync(clients, duration);
            var after = ServiceMemory.Read(AppHostProcess.RepositoryRoot, AppHostProcess.Services.Select(s => s.Name));

            Print(figures);
            Console.WriteLine($"  {PartnerWriter.Conflicts} project revisions (warm-up included) found the project revised by the other writer meanwhile, read it again and retried");
            PrintMemory(before, after);
            ThrowOnErrors(figures);
        }
        finally
        {
            partners.ForEach(p => p.Dispose());
        }
    }

    /// <summary>A partner's client with a development token for all four services, as <c>missionops token</c> makes one.</summary>
    private static MissionOpsClient Connect(TokenIssuer issuer, string subject, string missionRole, List<MissionOpsClient> partners)
    {
        var token = issuer.Issue(subject, AppHostProcess.Services.Select(s => TokenIssuer.AudienceOf(s.Name)), [missionRole], TimeSpan.FromHours(12),
            partner: "load-benchmark");
        var client = new MissionOpsClient(new MissionOpsClientOptions
        {
            Sites = AppHostProcess.Address("sites"),
            Personnel = AppHostProcess.Address("personnel"),
            Projects = AppHostProcess.Address("projects"),
            Liquidation = AppHostProcess.Address("liquidation"),
            Tokens = MissionOpsClientOptions.FixedToken(token),
        });
        partners.Add(client);
        return client;
    }

    private static void ThrowOnErrors(PartnerLoadFigures figures)
    {
        if (figures.Total.Errors > 0)
        {
            throw new BenchmarkFailedException($"{figures.Total.Errors} calls failed or answered wrongly under load; the first: " +
                string.Join("; ", figures.FirstErrors.Take(5)));
        }
    }

    private static void Print(PartnerLoadFigures figures)
    {
        Console.WriteLine();
        Console.WriteLine($"Partner load ({figures.Total.Seconds:F0} s)");
        Console.WriteLine($"  {"operation",-34} {"calls",9} {"calls/s",8} {"p50 ms",7} {"p99 ms",7} {"errors",6}");
        foreach (var o in figures.Operations.Append(figures.Total))
        {
            Console.WriteLine($"  {o.Operation,-34} {o.Calls,9:N0} {o.CallsPerSecond,8:F1} {o.P50Milliseconds,7:F1} {o.P99Milliseconds,7:F1} {o.Errors,6}");
        }
    }

    private static void PrintMemory(IReadOnlyList<ServiceMemory> before, IReadOnlyList<ServiceMemory> after)
    {
        Console.WriteLine();
        Console.WriteLine($"Working set per service (VmRSS, MB; anonymous / file-backed / shared; peak VmHWM), target < {ServiceMemory.TargetMb:F0} MB after the load");
        foreach (var (b, a) in before.Zip(after))
        {
            Console.WriteLine($"  {a.Service,-12} pid {a.ProcessId,-7} before {b.WorkingSetMb,4:F0} ({b.AnonymousMb:F0} / {b.FileMb:F0} / {b.SharedMb:F0})   " +
                $"after {a.WorkingSetMb,4:F0} ({a.AnonymousMb:F0} / {a.FileMb:F0} / {a.SharedMb:F0}), peak {a.PeakMb:F0}   {a.Verdict}");
        }
    }
}
