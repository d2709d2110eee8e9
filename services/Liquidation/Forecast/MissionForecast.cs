namespace MissionOps.Liquidation.Forecast;

/// <summary>
/// A mission's forecast as of a day: when its last site can be handed over (against the withdrawal deadline) and when
/// its final report can be issued, each with the chain that sets it; its sites, those at risk first, then by slack.
/// </summary>
public sealed record MissionForecast(
    string Mission,
    DateOnly AsOf,
    DateOnly WithdrawalDeadline,
    DateOnly? Withdrawal,
    int? SlackDays,
    DateOnly? FinalReport,
    IReadOnlyList<Blocker> WithdrawalPath,
    IReadOnlyList<Blocker> CriticalPath,
    IReadOnlyList<SiteForecast> Sites)
{
    public bool AtRisk => Withdrawal is null || SlackDays < 0;

    public SiteForecast Site(string name) => Sites.Single(s => s.Site == name);
}
