using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Projects;

/// <summary>What each ProjectsService RPC needs of its caller in the mission it touches (see the contract's comment).</summary>
public static class ProjectsPermissions
{
    public static readonly IReadOnlyDictionary<string, Access> Map = new Dictionary<string, Access>
    {
        ["CreateProject"] = Access.Plan,
        ["GetProject"] = Access.Read,
        ["ListProjects"] = Access.Read,
        ["UpdateProject"] = Access.Plan,
        ["StartProject"] = Access.Plan,
        ["SuspendProject"] = Access.Plan,
        ["ResumeProject"] = Access.Plan,
        ["FinaliseProject"] = Access.Plan,
        ["CloseProject"] = Access.Approve,
        ["CancelProject"] = Access.Plan,
        ["RecordTransaction"] = Access.Plan,
        ["RecordResult"] = Access.Plan,
        ["RecordIndicatorActual"] = Access.Plan,
        ["RecordProjectHandover"] = Access.Approve,
        ["UpdateQuickImpactRules"] = Access.Administer,
        ["GetQuickImpactRules"] = Access.Read,
        ["ListOpenProjects"] = Access.Read,
        ["ExportIatiActivities"] = Access.Read,
        ["PublishIatiActivities"] = Access.Approve,
        ["GetIatiPublication"] = Access.Read,
        ["ListIatiPublications"] = Access.Read,
        ["WatchEvents"] = Access.Read,
        ["ListAuditEntries"] = Access.Approve,
    };

    /// <summary>The reads that answer a token limited to some regions with what lies in them; every other RPC refuses such a token.</summary>
    public static readonly IReadOnlySet<string> RegionScoped = new HashSet<string>(StringComparer.Ordinal)
    {
        "GetProject", "ListProjects", "ListOpenProjects", "ExportIatiActivities", "GetQuickImpactRules", "WatchEvents",
    };
}
