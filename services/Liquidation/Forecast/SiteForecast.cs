namespace MissionOps.Liquidation.Forecast;

/// <summary>
/// When a site can be closed and handed over, what sets those days (<see cref="CriticalPath"/>, first cause first), and
/// how that compares with the end of its drawdown phase: <see cref="SlackDays"/> before it, negative when past it.
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
    IReadOnlyList<Blocker> CriticalPath)
{
    /// <summary>Forecast past its phase's end, or with nothing to say when it will be empty or cleared.</summary>
    public bool AtRisk => !Done && (Handover is null || SlackDays < 0);
}
