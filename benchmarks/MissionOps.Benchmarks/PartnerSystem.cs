using System.Diagnostics;
using MissionOps.Client;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Benchmarks;

/// <summary>
/// The whole system as the AppHost starts it, with its demo data, and the partners that read and write it through
/// each service's gRPC endpoint with the MissionOps.Client package: what the load and soak sections share.
/// </summary>
public sealed class PartnerSystem : IAsyncDisposable
{
    private readonly List<MissionOpsClient> _partners = [];

    private PartnerSystem(AppHostProcess system) => System = system;

    public AppHostProcess System { get; }

    /// <summary>For each reader and writer, its call number n.</summary>
    public List<Func<int, PartnerCall>> Clients { get; } = [];

    public static async Task<PartnerSystem> StartAsync(bool quick, int readers, int writers)
    {
        var setUp = Stopwatch.StartNew();
        var partners = new PartnerSystem(await AppHostProcess.StartAsync(TimeSpan.FromMinutes(10)));
        try
        {
            Console.WriteLine($"  the AppHost started the system with its demo data in {setUp.Elapsed.TotalSeconds:F0} s (its output: {partners.System.LogFile})");
            var administrator = partners.Connect("load-setup", $"{MissionRoles.AnyMission}:{MissionRoles.Administrator}");
            var demo = await DemoSample.ReadAsync(administrator);
            Console.WriteLine($"  demo data: {demo.Describe()}");
            // Liquidation follows the other services' feeds once they have loaded their demo: let that settle before the first reading.
            await Task.Delay(TimeSpan.FromSeconds(quick ? 5 : 30));

            var run = Guid.NewGuid().ToString("N")[..6];
            for (var r = 0; r < readers; r++)
            {
                var role = PartnerReader.Roles[r % PartnerReader.Roles.Length];
                partners.Clients.Add(new PartnerReader(partners.Connect($"partner-reader-{r}", $"minusma:{role}"), demo, role, r).Next);
            }

            for (var w = 0; w < writers; w++)
            {
                partners.Clients.Add(new PartnerWriter(partners.Connect($"partner-writer-{w}", "minusma:planner"), demo, run, w).Next);
            }

            return partners;
        }
        catch
        {
            await partners.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every partner calling for a while, not counted: the first calls pay for connections and caches.</summary>
    public async Task WarmUpAsync(bool quick)
    {
        var warmUp = TimeSpan.FromSeconds(quick ? 5 : 20);
        var warm = await PartnerLoad.RunAsync(Clients, warmUp);
        Console.WriteLine($"  warm-up: {warm.Total.Calls:N0} calls in {warmUp.TotalSeconds:F0} s, {warm.Total.Errors} errors, not counted below");
        ThrowOnErrors(warm);
    }

    public static void ThrowOnErrors(PartnerLoadFigures figures)
    {
        if (figures.Total.Errors > 0)
        {
            throw new BenchmarkFailedException($"{figures.Total.Errors} calls failed or answered wrongly under load; the first: " +
                string.Join("; ", figures.FirstErrors.Take(5)));
        }
    }

    public static void Print(PartnerLoadFigures figures)
    {
        Console.WriteLine();
        Console.WriteLine($"Partner load ({figures.Total.Seconds:F0} s)");
        Console.WriteLine($"  {"operation",-34} {"calls",9} {"calls/s",8} {"p50 ms",7} {"p99 ms",7} {"errors",6}");
        foreach (var o in figures.Operations.Append(figures.Total))
        {
            Console.WriteLine($"  {o.Operation,-34} {o.Calls,9:N0} {o.CallsPerSecond,8:F1} {o.P50Milliseconds,7:F1} {o.P99Milliseconds,7:F1} {o.Errors,6}");
        }

        Console.WriteLine($"  {PartnerWriter.Conflicts} project revisions (warm-up included) found the project revised by the other writer meanwhile, read it again and retried");
    }

    public async ValueTask DisposeAsync()
    {
        _partners.ForEach(p => p.Dispose());
        await System.DisposeAsync();
    }

    /// <summary>A partner's client with a development token for all four services, as <c>missionops token</c> makes one.</summary>
    private MissionOpsClient Connect(string subject, string missionRole)
    {
        var token = System.Issuer.Issue(subject, AppHostProcess.Services.Select(s => TokenIssuer.AudienceOf(s.Name)), [missionRole], TimeSpan.FromHours(12),
            partner: "load-benchmark");
        var client = new MissionOpsClient(new MissionOpsClientOptions
        {
            Sites = AppHostProcess.Address("sites"),
            Personnel = AppHostProcess.Address("personnel"),
            Projects = AppHostProcess.Address("projects"),
            Liquidation = AppHostProcess.Address("liquidation"),
            Tokens = MissionOpsClientOptions.FixedToken(token),
        });
        _partners.Add(client);
        return client;
    }
}
