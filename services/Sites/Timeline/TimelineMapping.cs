using MissionOps.Sites.Phases;
using MissionOps.Sites.Sites;
using V1 = MissionOps.Sites.V1;

namespace MissionOps.Sites.Timeline;

/// <summary>Puts a mission's sites under their phases, each phase's sites by closing day.</summary>
public static class TimelineMapping
{
    public static V1.DrawdownTimeline Build(string missionName, IReadOnlyList<DrawdownPhase> phases, IReadOnlyList<Site> sites)
    {
        var byPhase = sites.ToLookup(s => s.DrawdownPhaseId);
        var timeline = new V1.DrawdownTimeline
        {
            Mission = missionName,
            UnphasedSites = { Order(byPhase[null]).Select(ToProto) },
        };
        foreach (var phase in phases.OrderBy(p => p.Ordinal))
        {
            timeline.Phases.Add(new V1.TimelinePhase
            {
                DrawdownPhase = phase.Name,
                Ordinal = phase.Ordinal,
                DisplayName = phase.DisplayName.ToProto(),
                StartDate = phase.StartDate.ToProto(),
                EndDate = phase.EndDate.ToProto(),
                Sites = { Order(byPhase[phase.Id]).Select(ToProto) },
            });
        }

        return timeline;
    }

    private static IEnumerable<Site> Order(IEnumerable<Site> sites) =>
        sites.OrderBy(s => s.ClosingDate ?? s.PlannedClosureDate ?? DateOnly.MaxValue).ThenBy(s => s.Id, StringComparer.Ordinal);

    private static V1.TimelineSite ToProto(Site site) => new()
    {
        Site = site.Name,
        DisplayName = site.DisplayName.ToProto(),
        Kind = site.Kind,
        State = site.State,
        PlannedClosureDate = site.PlannedClosureDate.ToProto(),
        ClosingDate = site.ClosingDate.ToProto(),
        HandoverDate = site.HandoverDate.ToProto(),
        EmergencyClosure = site.Closure?.Emergency ?? false,
        LeftCircumstance = site.LeftWithoutHandover?.Circumstance ?? V1.LeftCircumstance.Unspecified,
        LeftDate = site.LeftWithoutHandover?.LeftDate.ToProto(),
    };
}
