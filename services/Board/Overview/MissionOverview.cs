using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Common.V1;
using MissionOps.Personnel.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Overview;

/// <summary>
/// What the mission overview shows: the drawdown's timeline with each site's forecast, its headcount curve against the targets,
/// and the planning day's figures.
/// </summary>
public sealed record MissionOverview(
    string MissionId,
    LocalizedText DisplayName,
    DateOnly PlanningDay,
    DateOnly? MandateEnd,
    string HostCountryCode,
    IReadOnlyList<PhaseBand> Phases,
    IReadOnlyList<TimelineRow> Sites,
    IReadOnlyList<HeadcountSample> Headcount,
    IReadOnlyList<TargetPoint> Targets,
    IReadOnlyList<ProjectPlace> Projects,
    MissionOps.Liquidation.V1.MissionForecast? Forecast = null)
{
    /// <summary>A site's forecast on the planning day; none when Liquidation could not forecast it (or not for this reader).</summary>
    public MissionOps.Liquidation.V1.SiteForecast? ForecastOf(string site) => Forecast?.Sites.FirstOrDefault(s => s.Site == site);

    public DateOnly From => Min([.. Phases.Select(p => p.Start), .. Headcount.Select(h => h.Day), PlanningDay]);

    public DateOnly To => Max([.. Phases.Select(p => p.End), .. Targets.Select(t => t.Deadline), .. Headcount.Select(h => h.Day), PlanningDay,
        .. Forecast?.Sites.Where(s => !s.Done).Select(s => s.HandoverDate.ToDateOnly()).OfType<DateOnly>() ?? []]);

    /// <summary>The headcount on the planning day (the sample taken on it).</summary>
    public HeadcountSample? Today => Headcount.LastOrDefault(h => h.Day <= PlanningDay);

    public int SitesIn(params SiteState[] states) => Sites.Count(s => states.Contains(s.State));

    /// <summary>The first target whose deadline is on or after the planning day, per component.</summary>
    public IReadOnlyList<TargetPoint> NextTargets =>
        [.. Targets.Where(t => t.Deadline >= PlanningDay).GroupBy(t => t.Component).Select(g => g.MinBy(t => t.Deadline)!)];

    private static DateOnly Min(DateOnly[] days) => days.Min();

    private static DateOnly Max(DateOnly[] days) => days.Max();
}

/// <summary>A drawdown phase: the span its sites are to close in.</summary>
public sealed record PhaseBand(string Name, LocalizedText DisplayName, int Ordinal, DateOnly Start, DateOnly End);

/// <summary>A site on the timeline, under its phase (none when its closure is not planned in a phase).</summary>
public sealed record TimelineRow(
    string Site,
    LocalizedText DisplayName,
    SiteKind Kind,
    SiteState State,
    PhaseBand? Phase,
    DateOnly? PlannedClosure,
    DateOnly? Closed,
    DateOnly? HandedOver,
    bool Emergency,
    LeftCircumstance LeftCircumstance,
    DateOnly? Left,
    string RegionPcode,
    Google.Type.LatLng? Coordinates)
{
    /// <summary>Handed over or left without handover: nothing more to do for the site's closure.</summary>
    public bool Settled => State is SiteState.HandedOver or SiteState.LeftWithoutHandover;

    /// <summary>Closed later than planned.</summary>
    public bool Late => Closed > PlannedClosure;
}

/// <summary>The mission's headcount as of a day, by component; counted from the record up to the planning day, planned after it.</summary>
public sealed record HeadcountSample(DateOnly Day, bool Forecast, IReadOnlyDictionary<Component, int> ByComponent)
{
    public int Total => ByComponent.Values.Sum();

    public int Of(Component component) => ByComponent.GetValueOrDefault(component);
}

/// <summary>A drawdown target: at most so many people of a component on a deadline, and whether the headcount met it.</summary>
public sealed record TargetPoint(DateOnly Deadline, Component Component, int MaxHeadcount, int Headcount, bool Met, bool Forecast);

/// <summary>A project's place on the map: one per location the project gives coordinates for.</summary>
public sealed record ProjectPlace(string Project, LocalizedText Title, MissionOps.Projects.V1.ProjectKind Kind, MissionOps.Projects.V1.ActivityStatus Status,
    Google.Type.LatLng Coordinates);
