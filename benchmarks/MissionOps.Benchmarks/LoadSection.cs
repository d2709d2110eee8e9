namespace MissionOps.Benchmarks;

/// <summary>
/// The whole system as the AppHost starts it, with its demo data, under partners reading and writing for a fixed
/// time; each service process's working set before and after, against the 250 MB target.
/// </summary>
public static class LoadSection
{
    public static async Task RunAsync(bool quick, TimeSpan duration, int readers, int writers)
    {
        Console.WriteLine();
        Console.WriteLine($"5. The whole system under partner load: {readers} readers and {writers} writers for {duration.TotalMinutes:0.#} min, " +
            "through the AppHost's gRPC endpoints with MissionOps.Client");
        await using var partners = await PartnerSystem.StartAsync(quick, readers, writers);
        var before = ServiceMemory.Read(AppHostProcess.RepositoryRoot, AppHostProcess.Services.Select(s => s.Name));
        await partners.WarmUpAsync(quick);
        var figures = await PartnerLoad.RunAsync(partners.Clients, duration);
        var after = ServiceMemory.Read(AppHostProcess.RepositoryRoot, AppHostProcess.Services.Select(s => s.Name));

        PartnerSystem.Print(figures);
        PrintMemory(before, after);
        PartnerSystem.ThrowOnErrors(figures);
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
