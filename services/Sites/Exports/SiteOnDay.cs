using MissionOps.Sites.Handover;
using MissionOps.Sites.LeftWithoutHandover;
using MissionOps.Sites.Phases;
using MissionOps.Sites.Sites;
using SiteState = MissionOps.Sites.V1.SiteState;

namespace MissionOps.Sites.Exports;

/// <summary>
/// A site as it stood on a day: the furthest state it had reached, with only the plan, closure and
/// handover it had by then. Sites keeps no day on which a closure was planned, so a plan counts
/// from the start of its drawdown phase, or from the first closure step when that came earlier.
/// A site left without handover is so from the day it was left.
/// </summary>
public sealed record SiteOnDay(Site Site, SiteState State, bool Planned, DateOnly? ClosingDate, SiteHandover? Handover,
    SiteLeftWithoutHandover? Left = null)
{
    /// <summary>The mission's sites by id, on <paramref name="day"/> (those open by then), or as recorded now.</summary>
    public static IReadOnlyList<SiteOnDay> All(IEnumerable<Site> sites, IReadOnlyList<DrawdownPhase> phases, DateOnly? day)
    {
        var starts = phases.ToDictionary(p => p.Id, p => p.StartDate);
        DateOnly? PhaseStart(Site site) => site.DrawdownPhaseId is { } id && starts.TryGetValue(id, out var start) ? start : null;
        return sites.OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => day is { } d ? On(s, d, PhaseStart(s)) : Now(s))
            .OfType<SiteOnDay>()
            .ToList();
    }

    /// <summary>The site as recorded now.</summary>
    public static SiteOnDay Now(Site site) =>
        new(site, site.State, site.DrawdownPhaseId is not null, site.ClosingDate, site.Handover, site.LeftWithoutHandover);

    /// <summary>The site on <paramref name="day"/>; null when it had not opened yet.</summary>
    public static SiteOnDay? On(Site site, DateOnly day, DateOnly? phaseStart)
    {
        if (site.OpeningDate > day)
        {
            return null;
        }

        var handover = site.HandoverDate <= day ? site.Handover : null;
        var left = site.LeftWithoutHandover?.LeftDate <= day ? site.LeftWithoutHandover : null;
        var closingDate = site.ClosingDate <= day ? site.ClosingDate : null;
        var closing = site.ClosureSteps.Any(s => s.CompletedDate <= day);
        var planned = site.DrawdownPhaseId is not null && (phaseStart <= day || closing || closingDate is not null);
        var state = (handover, left, closingDate, closing, planned) switch
        {
            ({ }, _, _, _, _) => SiteState.HandedOver,
            (_, { }, _, _, _) => SiteState.LeftWithoutHandover,
            (_, _, { }, _, _) => SiteState.Closed,
            (_, _, _, true, _) => SiteState.Closing,
            (_, _, _, _, true) => SiteState.ClosurePlanned,
            _ => SiteState.Operational,
        };
        return new(site, state, planned, closingDate, handover, left);
    }
}
