using MissionOps.Client;
using MissionOps.Liquidation.V1;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;
using Date = Google.Type.Date;

namespace MissionOps.Benchmarks;

/// <summary>
/// What the partners of the load read and change, taken from the demo data (MINUSMA) before the load
/// starts: the names they ask for, and the answers that must not change under the writers.
/// </summary>
public sealed record DemoSample(
    string[] Sites, string[] People, string[] Movements, string[] Projects, string[] OpenProjects, string[] Assets, int HeadcountTotal)
{
    public const string Minusma = "missions/minusma";

    /// <summary>
    /// The day of the headcount readers ask for: before anyone the writers add is assigned
    /// (<see cref="PartnerWriter.AssignmentDate"/>), so its total stays what it was at the start.
    /// </summary>
    public static Date HeadcountDate => new() { Year = 2023, Month = 3, Day = 31 };

    public static async Task<DemoSample> ReadAsync(MissionOpsClient administrator)
    {
        var sites = (await administrator.Sites.ListSitesAsync(new ListSitesRequest { Parent = Minusma, PageSize = 1000 })).Sites;
        var people = (await administrator.Personnel.ListPersonnelAsync(new ListPersonnelRequest { Parent = Minusma, PageSize = 1000 })).Personnel;
        var movements = (await administrator.Personnel.ListMovementsAsync(new ListMovementsRequest { Parent = Minusma, PageSize = 1000 })).Movements;
        var projects = (await administrator.Projects.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma, PageSize = 1000 })).Projects;
        var assets = (await administrator.Liquidation.ListAssetsAsync(new ListAssetsRequest { Parent = Minusma, PageSize = 1000 })).Assets;
        var headcount = await administrator.Personnel.GetHeadcountAsync(new GetHeadcountRequest { Parent = Minusma, AsOfDate = HeadcountDate });
        var sample = new DemoSample(
            [.. sites.Select(s => s.Name)], [.. people.Select(p => p.Name)], [.. movements.Select(m => m.Name)], [.. projects.Select(p => p.Name)],
            [.. projects.Where(p => p.Status is not (ActivityStatus.Closed or ActivityStatus.Cancelled)).Select(p => p.Name)],
            [.. assets.Select(a => a.Name)], headcount.Total);
        if (sample.Sites.Length < 2 || sample.People.Length == 0 || sample.Movements.Length == 0 || sample.OpenProjects.Length == 0
            || sample.Assets.Length == 0 || sample.HeadcountTotal == 0)
        {
            throw new BenchmarkFailedException($"the demo data is not what the load needs: {sample.Describe()}");
        }

        return sample;
    }

    public string Describe() =>
        $"{Sites.Length} sites, {People.Length} people and {Movements.Length} movements (first pages of 1000), " +
        $"{Projects.Length} projects ({OpenProjects.Length} open), {Assets.Length} assets, headcount {HeadcountTotal:N0} on {HeadcountDate.Year}-{HeadcountDate.Month:D2}-{HeadcountDate.Day:D2}";

    /// <summary>The i-th of <paramref name="names"/>, round and round.</summary>
    public static string Pick(string[] names, int i) => names[(int)((uint)i % (uint)names.Length)];
}
