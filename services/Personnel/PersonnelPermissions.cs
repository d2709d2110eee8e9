using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Personnel;

/// <summary>What each PersonnelService RPC needs of its caller in the mission it touches (see the contract's comment).</summary>
public static class PersonnelPermissions
{
    public static readonly IReadOnlyDictionary<string, Access> Map = new Dictionary<string, Access>
    {
        ["CreatePerson"] = Access.Plan,
        ["GetPerson"] = Access.Read,
        ["ListPersonnel"] = Access.Read,
        ["UpdatePerson"] = Access.Plan,
        ["CreateUnit"] = Access.Plan,
        ["GetUnit"] = Access.Read,
        ["ListUnits"] = Access.Read,
        ["UpdateUnit"] = Access.Plan,
        ["CreateMovement"] = Access.Plan,
        ["GetMovement"] = Access.Read,
        ["ListMovements"] = Access.Read,
        ["StartMovement"] = Access.Plan,
        ["HoldMovement"] = Access.Plan,
        ["ResumeMovement"] = Access.Plan,
        ["CompleteMovement"] = Access.Plan,
        ["CancelMovement"] = Access.Plan,
        ["ImportMovementManifest"] = Access.Plan,
        ["GetHeadcount"] = Access.Read,
        ["ExportHeadcountHxl"] = Access.Read,
        ["CreateDrawdownTarget"] = Access.Administer,
        ["ListDrawdownTargets"] = Access.Read,
        ["GetBurnDown"] = Access.Read,
        ["CreateResidualRosterEntry"] = Access.Approve,
        ["ListResidualRosterEntries"] = Access.Read,
        ["GetSiteOccupancy"] = Access.Read,
        ["WatchEvents"] = Access.Read,
        ["ListAuditEntries"] = Access.Approve,
    };
}
