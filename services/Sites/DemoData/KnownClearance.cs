using MissionOps.Sites.Closure;

namespace MissionOps.Sites.DemoData;

/// <summary>
/// What the demo data set knows of its own sites: nobody and nothing left on the days it closes
/// them. Personnel and Projects start only once Sites is healthy, so they cannot be asked while
/// Sites loads its demo; their demo data is made to agree, and their tests check that it does.
/// </summary>
internal sealed class KnownClearance : ISiteClearance
{
    public Task<SiteClearance> AskAsync(string missionId, string site, DateOnly day, CancellationToken cancellationToken) =>
        Task.FromResult(SiteClearance.Clear);
}
