using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Forecast;

/// <summary>
/// What the record does not say and the forecast must assume: how long a held convoy stays held, how long each closure
/// step takes from today, how long after its closure a site is handed over, how long a disposal takes. Each is a
/// planner's rule of thumb; a what-if replaces it with a date where the planner knows better.
/// </summary>
public sealed record ForecastAssumptions
{
    public static readonly ForecastAssumptions Default = new();

    /// <summary>A held movement is released this many days after it was held, unless it says when.</summary>
    public int HoldDays { get; init; } = 7;

    /// <summary>Days from a closure to the handover of the site, for the package to be signed by both sides.</summary>
    public int HandoverDays { get; init; } = 1;

    /// <summary>Days a disposal takes once approved (or at once, when it needs no approval).</summary>
    public int DisposalDays { get; init; } = 7;

    /// <summary>Days the board takes to approve a disposal above the value threshold.</summary>
    public int ApprovalDays { get; init; } = 14;

    /// <summary>Days from today for each closure step not yet recorded; the steps are done side by side.</summary>
    public IReadOnlyDictionary<ClosureStepKind, int> StepDays { get; init; } = new Dictionary<ClosureStepKind, int>
    {
        [ClosureStepKind.ContingentEquipmentWithdrawn] = 14,
        [ClosureStepKind.UnEquipmentRemoved] = 10,
        [ClosureStepKind.HazardousWasteRemoved] = 7,
        [ClosureStepKind.EnvironmentalCloseoutAssessment] = 5,
        [ClosureStepKind.JointEnvironmentalInspection] = 3,
        [ClosureStepKind.ExplosiveHazardSurvey] = 3,
    };
}
