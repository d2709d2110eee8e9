using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Sites;

/// <summary>What each SitesService RPC needs of its caller in the mission it touches (see the contract's comment).</summary>
public static class SitesPermissions
{
    public static readonly IReadOnlyDictionary<string, Access> Map = new Dictionary<string, Access>
    {
        ["CreateMission"] = Access.Administer,
        ["GetMission"] = Access.Read,
        ["ListMissions"] = Access.Read,
        ["UpdateMission"] = Access.Administer,
        ["GetRegion"] = Access.Read,
        ["GetDrawdownPhase"] = Access.Read,
        ["CreateRegion"] = Access.Administer,
        ["ListRegions"] = Access.Read,
        ["CreateDrawdownPhase"] = Access.Plan,
        ["ListDrawdownPhases"] = Access.Read,
        ["CreateSite"] = Access.Plan,
        ["GetSite"] = Access.Read,
        ["ListSites"] = Access.Read,
        ["UpdateSite"] = Access.Plan,
        ["PlanSiteClosure"] = Access.Plan,
        ["RecordClosureStep"] = Access.Plan,
        ["RecordSiteClosure"] = Access.Plan,
        ["RecordSiteHandover"] = Access.Approve,
        ["RecordSiteLeftWithoutHandover"] = Access.Approve,
        ["GetDrawdownTimeline"] = Access.Read,
        ["ExportSitesHxl"] = Access.Read,
        ["WatchEvents"] = Access.Read,
        ["ListAuditEntries"] = Access.Approve,
    };

    /// <summary>What a call needs instead when its request sets the field: the emergency closure path is an approver's decision, not a planner's.</summary>
    public static readonly IReadOnlyDictionary<string, Access> WhenFieldSet = new Dictionary<string, Access>
    {
        ["RecordSiteClosure.emergency"] = Access.Approve,
    };

    /// <summary>The reads that answer a token limited to some regions with what lies in them; every other RPC refuses such a token.</summary>
    public static readonly IReadOnlySet<string> RegionScoped = new HashSet<string>(StringComparer.Ordinal)
    {
        "GetMission", "ListMissions", "GetRegion", "ListRegions", "GetDrawdownPhase", "ListDrawdownPhases", "GetSite", "ListSites", "GetDrawdownTimeline", "ExportSitesHxl", "WatchEvents",
    };
}
