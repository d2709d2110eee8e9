using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Personnel;

/// <summary>What each PersonnelService RPC needs of its caller in the mission it touches (see the contract's comment).</summary>
public static class PersonnelPermissions
{
    public static readonly IReadOnlyDictionary<string, Access> Map = new Dictionary<string, Access>
    {
        ["CreatePerson"] = Access.Plan,
        ["GetPerson"] = Access.ReadPersonal,
        ["ListPersonnel"] = Access.ReadPersonal,
        ["UpdatePerson"] = Access.Plan,
        ["CreateUnit"] = Access.Plan,
        ["GetUnit"] = Access.Read,
        ["ListUnits"] = Access.Read,
        ["UpdateUnit"] = Access.Plan,
        ["CreateMovement"] = Access.Plan,
        ["GetMovement"] = Access.ReadPersonal,
        ["ListMovements"] = Access.ReadPersonal,
        ["StartMovement"] = Access.Plan,
        ["HoldMovement"] = Access.Plan,
        ["ResumeMovement"] = Access.Plan,
        ["CompleteMovement"] = Access.Plan,
        ["CancelMovement"] = Access.Plan,
        ["ImportMovementManifest"] = Access.Plan,
        ["GetHeadcount"] = Access.Read,
        ["ExportHeadcountHxl"] = Access.Read,
        ["CreateDrawdownTarget"] = Access.Administer,
        ["GetDrawdownTarget"] = Access.Read,
        ["ListDrawdownTargets"] = Access.Read,
        ["UpdateDrawdownTarget"] = Access.Administer,
        ["DeleteDrawdownTarget"] = Access.Administer,
        ["UndeleteDrawdownTarget"] = Access.Administer,
        ["GetBurnDown"] = Access.Read,
        ["CreateResidualRosterEntry"] = Access.Approve,
        ["GetResidualRosterEntry"] = Access.ReadPersonal,
        ["ListResidualRosterEntries"] = Access.ReadPersonal,
        ["UpdateResidualRosterEntry"] = Access.Approve,
        ["DeleteResidualRosterEntry"] = Access.Approve,
        ["UndeleteResidualRosterEntry"] = Access.Approve,
        ["GetSiteOccupancy"] = Access.Read,
        ["ListSiteOccupancies"] = Access.Read,
        ["WatchEvents"] = Access.ReadPersonal,
        ["ListAuditEntries"] = Access.Approve,
    };

    /// <summary>The reads that answer a token limited to some regions with what lies in them; every other RPC refuses such a token.</summary>
    public static readonly IReadOnlySet<string> RegionScoped = new HashSet<string>(StringComparer.Ordinal)
    {
        "GetHeadcount", "ExportHeadcountHxl", "GetSiteOccupancy", "ListSiteOccupancies",
    };
}
