namespace MissionOps.Sites.Closure;

/// <summary>Who and what is still at a site on a day, as the services that know say.</summary>
public interface ISiteClearance
{
    Task<SiteClearance> AskAsync(string missionId, string site, DateOnly day, CancellationToken cancellationToken);
}
