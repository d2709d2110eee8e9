using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Liquidation;

/// <summary>What each LiquidationService RPC needs of its caller in the mission it touches (see the contract's comment).</summary>
public static class LiquidationPermissions
{
    public static readonly IReadOnlyDictionary<string, Access> Map = new Dictionary<string, Access>
    {
        ["UpdateLiquidationPlan"] = Access.Administer,
        ["GetLiquidationPlan"] = Access.Read,
        ["CreateAsset"] = Access.Plan,
        ["GetAsset"] = Access.Read,
        ["ListAssets"] = Access.Read,
        ["UpdateAsset"] = Access.Plan,
        ["DeleteAsset"] = Access.Plan,
        ["UndeleteAsset"] = Access.Plan,
        ["RecordContingentDecision"] = Access.Plan,
        ["CreateDisposalCase"] = Access.Plan,
        ["GetDisposalCase"] = Access.Read,
        ["ListDisposalCases"] = Access.Read,
        ["ApproveDisposal"] = Access.Approve,
        ["RecordDisposal"] = Access.Approve,
        ["CreateLiability"] = Access.Plan,
        ["GetLiability"] = Access.Read,
        ["ListLiabilities"] = Access.Read,
        ["UpdateLiability"] = Access.Plan,
        ["DeleteLiability"] = Access.Plan,
        ["UndeleteLiability"] = Access.Plan,
        ["SettleLiability"] = Access.Plan,
        ["CreateArchiveRecord"] = Access.Plan,
        ["GetArchiveRecord"] = Access.Read,
        ["ListArchiveRecords"] = Access.Read,
        ["UpdateArchiveRecord"] = Access.Plan,
        ["DeleteArchiveRecord"] = Access.Plan,
        ["UndeleteArchiveRecord"] = Access.Plan,
        ["ArchiveRecords"] = Access.Plan,
        ["GetClosureReadiness"] = Access.Read,
        ["GetLiquidationReport"] = Access.Read,
        ["IssueFinalReport"] = Access.Approve,
        ["GetFinalReport"] = Access.Read,
        ["GetMissionForecast"] = Access.Read,
        ["ForecastWhatIf"] = Access.Read,
        ["WatchEvents"] = Access.Read,
        ["ListAuditEntries"] = Access.Approve,
    };

    /// <summary>The reads that answer a token limited to some regions with what lies in them; every other RPC refuses such a token.</summary>
    public static readonly IReadOnlySet<string> RegionScoped = new HashSet<string>(StringComparer.Ordinal)
    {
        "GetAsset", "ListAssets", "GetDisposalCase", "ListDisposalCases", "GetClosureReadiness", "GetLiquidationReport", "WatchEvents",
        "GetMissionForecast", "ForecastWhatIf",
    };
}
