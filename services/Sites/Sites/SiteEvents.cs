namespace MissionOps.Sites.Sites;

/// <summary>The event types of the Sites feed; each carries the Site as it was after the change.</summary>
public static class SiteEvents
{
    public const string Closed = "missionops.sites.v1.SiteClosed";
    public const string HandedOver = "missionops.sites.v1.SiteHandedOver";
    public const string LeftWithoutHandover = "missionops.sites.v1.SiteLeftWithoutHandover";
}
