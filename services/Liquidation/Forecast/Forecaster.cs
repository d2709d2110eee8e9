using MissionOps.Personnel.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Forecast;

/// <summary>
/// Computes a mission's forecast from its facts: each site's closure comes when its last people have left, its closure
/// steps are recorded and its projects handed over, whichever is last; its handover follows; the withdrawal ends with the
/// last handover of a site not kept for the liquidation, and the final report comes when the withdrawal, the kept sites'
/// handovers and every disposal are done. Each date keeps the blocker that set it, so the chain behind any date can be
/// read back.
/// </summary>
public static class Forecaster
{
    public static MissionForecast Forecast(ForecastFacts facts, ForecastAssumptions? assumptions = null)
    {
        var rules = assumptions ?? ForecastAssumptions.Default;
        var leaving = facts.Movements.ToLookup(m => m.Origin, StringComparer.Ordinal);
        var projects = facts.Projects.Where(p => p.Site is not null).ToLookup(p => p.Site!, StringComparer.Ordinal);
        var sites = facts.Sites.Select(site =>
        {
            var handover = HandoverOf(site, leaving[site.Name], projects[site.Name], facts.AsOf, rules);
            var phaseEnd = site.Phase is not null && facts.PhaseEnds.TryGetValue(site.Phase, out var end) ? end : (DateOnly?)null;
            var closure = IsDone(site) ? site.ClosedOn : handover.After?.Date;
            // A site kept for the liquidation outlasts its phase by design: it is measured against its team's retention.
            var retained = IsDone(site) ? null : site.RetainedUntil;
            return (Handover: handover, Forecast: new SiteForecast(site.Name, site.DisplayName, site.Phase, IsDone(site), closure, handover.Date,
                phaseEnd, DaysBetween(handover.Date, retained ?? phaseEnd), handover.Path(), retained));
        }).ToList();

        var lastHandover = Blocker.Latest(sites.Where(s => !s.Forecast.Retained).Select(s => s.Handover));
        var withdrawal = new Blocker(BlockerKind.Withdrawal, facts.Mission,
            lastHandover is null ? ForecastWords.NoSiteToHandOver : ForecastWords.LastSiteHandedOver(lastHandover.Date),
            lastHandover is null ? facts.AsOf : lastHandover.Date, lastHandover);
        var disposals = facts.Assets.Select(asset => DisposalOf(asset, facts.AsOf, rules));
        var finalReport = Blocker.Latest([withdrawal, .. sites.Where(s => s.Forecast.Retained).Select(s => s.Handover), .. disposals])!;

        return new MissionForecast(facts.Mission, facts.AsOf, facts.WithdrawalDeadline, withdrawal.Date,
            DaysBetween(withdrawal.Date, facts.WithdrawalDeadline), finalReport.Date, withdrawal.Path(), finalReport.Path(),
            [.. sites.Select(s => s.Forecast).OrderByDescending(s => s.AtRisk).ThenBy(s => s.Done).ThenBy(s => s.Handover is not null)
                .ThenBy(s => s.SlackDays ?? int.MaxValue).ThenBy(s => s.Site, StringComparer.Ordinal)]);
    }

    private static bool IsDone(SiteFacts site) => site.State is SiteState.HandedOver or SiteState.LeftWithoutHandover;

    private static Blocker HandoverOf(SiteFacts site, IEnumerable<OutboundMovement> leaving, IEnumerable<OpenProject> projects, DateOnly asOf,
        ForecastAssumptions rules)
    {
        if (IsDone(site))
        {
            var day = site.HandedOverOn ?? site.ClosedOn ?? asOf;
            return new Blocker(BlockerKind.SiteHandover, site.Name, ForecastWords.WasHandedOver(site.Named, day), day);
        }

        var closure = ClosureOf(site, leaving, projects, asOf, rules);
        var handover = closure.Date is { } closed ? Later(closed.AddDays(rules.HandoverDays), asOf) : (DateOnly?)null;
        return new Blocker(BlockerKind.SiteHandover, site.Name,
            handover is { } earliest ? ForecastWords.HandedOverAtTheEarliest(site.Named, earliest) : ForecastWords.CannotBeHandedOver(site.Named),
            handover, closure);
    }

    private static Blocker ClosureOf(SiteFacts site, IEnumerable<OutboundMovement> leaving, IEnumerable<OpenProject> projects, DateOnly asOf,
        ForecastAssumptions rules)
    {
        if (site.State == SiteState.Closed)
        {
            var day = site.ClosedOn ?? asOf;
            return new Blocker(BlockerKind.SiteClosure, site.Name, ForecastWords.WasClosed(site.Named, day), day);
        }

        var holding = new List<Blocker>();
        var covered = 0;
        foreach (var movement in leaving)
        {
            covered += movement.People;
            if (MovementOut(movement, asOf, rules) is { } blocker)
            {
                holding.Add(blocker);
            }
        }

        if (site.PeopleRemaining > covered)
        {
            holding.Add(new Blocker(BlockerKind.PeopleWithoutMovement, site.Name,
                ForecastWords.PeopleWithoutMovement(site.Named, site.PeopleRemaining - covered, site.PeopleRemaining), null));
        }

        holding.AddRange(site.StepsRemaining.Select(step =>
        {
            var day = step.PlannedDate is { } planned ? Later(planned, asOf) : asOf.AddDays(rules.StepDays.TryGetValue(step.Kind, out var days) ? days : 0);
            return new Blocker(BlockerKind.ClosureStep, site.Name, ForecastWords.StepNotRecorded(step.Kind, day, step.PlannedDate is not null), day,
                Step: step.Kind);
        }));
        holding.AddRange(projects.Select(project => project.PlannedHandover is { } planned
            ? new Blocker(BlockerKind.Project, project.Name, planned < asOf
                ? ForecastWords.ProjectOverdue(project.Named, planned)
                : ForecastWords.ProjectDue(project.Named, planned), Later(planned, asOf))
            : new Blocker(BlockerKind.Project, project.Name, ForecastWords.ProjectUndated(project.Named), null)));

        var last = Blocker.Latest(holding);
        return new Blocker(BlockerKind.SiteClosure, site.Name,
            last is null ? ForecastWords.NothingHoldsOpen(site.Named) : last.Date is not { } closure ? ForecastWords.ClosureUnknown(site.Named) : ForecastWords.CanBeClosed(site.Named, closure),
            last is null ? asOf : last.Date, last);
    }

    /// <summary>The day a movement's people are gone from its origin; none for a movement already on its way.</summary>
    private static Blocker? MovementOut(OutboundMovement movement, DateOnly asOf, ForecastAssumptions rules)
    {
        switch (movement.State)
        {
            case MovementState.Held:
                // Held on its way, it arrives no earlier than planned.
                var held = movement.HeldSince ?? asOf;
                var release = Later(Later(movement.ExpectedRelease ?? held.AddDays(rules.HoldDays), movement.PlannedDate), asOf);
                return new Blocker(BlockerKind.Movement, movement.Name, ForecastWords.Held(held, movement.People, release), release);
            case MovementState.Planned:
                var leaves = Later(movement.PlannedDate, asOf);
                return new Blocker(BlockerKind.Movement, movement.Name, movement.PlannedDate < asOf
                    ? ForecastWords.Overdue(movement.PlannedDate, movement.People, leaves)
                    : ForecastWords.Leaves(movement.People, leaves), leaves);
            default:
                return null;
        }
    }

    private static Blocker DisposalOf(AssetAwaitingDisposal asset, DateOnly asOf, ForecastAssumptions rules)
    {
        var day = asset.PlannedDisposal is { } planned
            ? Later(planned, asOf)
            : asOf.AddDays((asset.NeedsApproval ? rules.ApprovalDays : 0) + rules.DisposalDays);
        return new Blocker(BlockerKind.Asset, asset.Name,
            ForecastWords.Disposed(asset.Named, day, asset.NeedsApproval && asset.PlannedDisposal is null), day);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static int? DaysBetween(DateOnly? from, DateOnly? to) => from is { } f && to is { } t ? t.DayNumber - f.DayNumber : null;
}
