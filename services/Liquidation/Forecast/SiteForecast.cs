namespace MissionOps.Liquidation.Forecast;

/// <summary>
/// When a site can be closed and handed over, what sets those days (<see cref="CriticalPath"/>, first cause first), and
/// how that compares with the end of its drawdown phase, or for a site kept for the liquidation with the end of its
/// residual team's retention (<see cref="RetainedUntil"/>): <see cref="SlackDays"/> before it, negative when past it.
/// </summary>
public sealed record SiteForecast(
    string Site,
    string DisplayName,
    string? Phase,
    bool Done,
    DateOnly? Closure,
    DateOnly? Handover,
    DateOnly? PhaseEnd,
    int? SlackDays,
    IReadOnlyList<Blocker> CriticalPath,
    DateOnly? RetainedUntil = null)
{
    /// <summary>Forecast past the day it is measured against, or with nothing to say when it will be empty or cleared.</summary>
    public bool AtRisk => !Done && (Handover is null || SlackDays < 0);

    /// <summary>Kept for the liquidation: not part of the withdrawal.</summary>
    public bool Retained => RetainedUntil is not null;
}
