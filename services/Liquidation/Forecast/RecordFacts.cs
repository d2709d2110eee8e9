using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Forecast;

/// <summary>
/// A mission's forecast facts from its record as the services answer it (their feeds carry the same messages), as the
/// record stood on a day: what was done by then counts as done, what was done after it as still to do, with the day
/// it was planned for. So a forecast of a past day can be set beside what happened (a backtest).
/// </summary>
/// <remarks>
/// What the record does not date is taken as it is now: a movement's hold (its current state, from the day of the
/// forecast), a movement cancelled (left out), a project closed or cancelled, and whether a movement had been planned
/// by then (the demo's were recorded years later), and the residual roster. A project holds the first site among its
/// locations. The residual team's movements are left out: their people do not hold a site's closure (Sites' rule), so
/// neither do they; a site where the roster keeps people past the day is kept for the liquidation until the last of
/// their retentions ends.
/// </remarks>
public static class RecordFacts
{
    /// <summary>The steps Sites requires before it records a closure: every kind of its contract's checklist.</summary>
    public static readonly IReadOnlyList<ClosureStepKind> RequiredSteps =
        [.. Enum.GetValues<ClosureStepKind>().Where(kind => kind != ClosureStepKind.Unspecified)];

    /// <param name="peopleRemaining">Each site's people outside the residual team on <paramref name="day"/>, as Personnel counts them.</param>
    /// <param name="residualRoster">The residual roster's entries not deleted: who is retained, where, until when.</param>
    /// <param name="heldSince">The day each movement held now was held, as its feed recorded it; a day after <paramref name="day"/> is taken as that day.</param>
    public static ForecastFacts AsOf(DateOnly day, Mission mission, IEnumerable<DrawdownPhase> phases, IEnumerable<Site> sites,
        IReadOnlyDictionary<string, int> peopleRemaining, IReadOnlyCollection<ResidualRosterEntry> residualRoster, IEnumerable<Movement> movements,
        IEnumerable<Project> projects, IReadOnlyList<AssetAwaitingDisposal> assets, IReadOnlyDictionary<string, DateOnly>? heldSince = null)
    {
        var phaseEnds = phases.Where(p => p.EndDate.ToDateOnly() is not null).ToDictionary(p => p.Name, p => p.EndDate.ToDateOnly()!.Value, StringComparer.Ordinal);
        // The withdrawal must be done by the end of the last drawdown phase; without phases, by the end of the mandate.
        var deadline = phaseEnds.Count > 0 ? phaseEnds.Values.Max() : mission.MandateEndDate.ToDateOnly() ?? DateOnly.MaxValue;
        var residualTeam = residualRoster.Select(e => e.Person).ToHashSet(StringComparer.Ordinal);
        var retainedUntil = residualRoster.Where(e => e.Site.Length > 0 && e.EndDate.ToDateOnly() is { } end && end >= day)
            .GroupBy(e => e.Site, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(e => e.EndDate.ToDateOnly()!.Value), StringComparer.Ordinal);
        return new ForecastFacts(mission.Name, day, deadline, phaseEnds,
            [.. sites.Where(s => s.OpeningDate.ToDateOnly() is not { } opened || opened <= day)
                .Select(s => SiteOn(s, day, peopleRemaining.GetValueOrDefault(s.Name)) with { RetainedUntil = retainedUntil.TryGetValue(s.Name, out var until) ? until : null })],
            [.. movements.Where(m => !residualTeam.Contains(m.Person)).Select(m => MovementOn(m, day, heldSince?.GetValueOrDefault(m.Name))).OfType<OutboundMovement>()],
            [.. projects.Select(p => ProjectOn(p, day)).OfType<OpenProject>()],
            assets);
    }

    private static SiteFacts SiteOn(Site site, DateOnly day, int people)
    {
        var left = Done(site.LeftWithoutHandover?.LeftDate, day);
        var handedOver = Done(site.Handover?.CeremonyDate, day);
        var closed = Done(site.Closure?.ClosureDate, day);
        var steps = RequiredSteps.Where(kind => !site.ClosureSteps.Any(s => s.Kind == kind && Done(s.CompletedDate, day) is not null))
            .Select(kind => new RemainingStep(kind)).ToList();
        var state = left is not null ? SiteState.LeftWithoutHandover
            : handedOver is not null ? SiteState.HandedOver
            : closed is not null ? SiteState.Closed
            : site.ClosurePlan is null ? SiteState.Operational
            : steps.Count < RequiredSteps.Count ? SiteState.Closing
            : SiteState.ClosurePlanned;
        var phase = string.IsNullOrEmpty(site.ClosurePlan?.DrawdownPhase) ? null : site.ClosurePlan.DrawdownPhase;
        return new SiteFacts(site.Name, site.DisplayName.En, state, phase, people, steps, closed, handedOver ?? left, FrenchName: site.DisplayName.Fr);
    }

    /// <summary>The movement as it stood: not yet left (planned, or held now), on its way, or gone and no longer holding its origin.</summary>
    private static OutboundMovement? MovementOn(Movement movement, DateOnly day, DateOnly? heldOn)
    {
        if (movement.State == MovementState.Cancelled || Done(movement.ArrivalDate, day) is not null)
        {
            return null;
        }

        var state = movement.State == MovementState.Held ? MovementState.Held
            : Done(movement.DepartureDate, day) is not null ? MovementState.InTransit
            : MovementState.Planned;
        var planned = movement.PlannedDate.ToDateOnly() ?? day;
        var held = state == MovementState.Held ? (heldOn is { } on && on <= day ? on : day) : (DateOnly?)null;
        return new OutboundMovement(movement.Name, movement.OriginSite, Math.Max(movement.PeopleCount, 1), state, planned, held);
    }

    private static OpenProject? ProjectOn(Project project, DateOnly day)
    {
        if ((project.Status is ActivityStatus.Closed or ActivityStatus.Cancelled && project.Handover is null) || Done(project.Handover?.HandoverDate, day) is not null)
        {
            return null;
        }

        var site = project.Locations.Select(l => l.Site).FirstOrDefault(s => !string.IsNullOrEmpty(s));
        return new OpenProject(project.Name, project.Title.En, site, project.Dates?.PlannedEnd.ToDateOnly(), project.Title.Fr);
    }

    /// <summary>The day something was done, when it was done by <paramref name="day"/>.</summary>
    private static DateOnly? Done(Google.Type.Date? date, DateOnly day) => date.ToDateOnly() is { } done && done <= day ? done : null;
}
