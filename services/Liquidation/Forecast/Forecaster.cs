using System.Globalization;
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
            lastHandover is null ? "no site to hand over" : $"the last site handed over{On(lastHandover.Date)}",
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
            return new Blocker(BlockerKind.SiteHandover, site.Name, $"{site.DisplayName} was handed over{On(day)}", day);
        }

        var closure = ClosureOf(site, leaving, projects, asOf, rules);
        var handover = closure.Date is { } closed ? Later(closed.AddDays(rules.HandoverDays), asOf) : (DateOnly?)null;
        return new Blocker(BlockerKind.SiteHandover, site.Name,
            handover is null ? $"{site.DisplayName} cannot be handed over before it is closed" : $"{site.DisplayName} handed over{On(handover)} at the earliest",
            handover, closure);
    }

    private static Blocker ClosureOf(SiteFacts site, IEnumerable<OutboundMovement> leaving, IEnumerable<OpenProject> projects, DateOnly asOf,
        ForecastAssumptions rules)
    {
        if (site.State == SiteState.Closed)
        {
            var day = site.ClosedOn ?? asOf;
            return new Blocker(BlockerKind.SiteClosure, site.Name, $"{site.DisplayName} was closed{On(day)}", day);
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
                $"{site.PeopleRemaining - covered} of the {site.PeopleRemaining} people at {site.DisplayName} have no movement out planned", null));
        }

        holding.AddRange(site.StepsRemaining.Select(step =>
        {
            var day = step.PlannedDate is { } planned ? Later(planned, asOf) : asOf.AddDays(rules.StepDays.TryGetValue(step.Kind, out var days) ? days : 0);
            return new Blocker(BlockerKind.ClosureStep, site.Name,
                $"{step.Kind} not recorded yet, done{On(day)} {(step.PlannedDate is null ? "at the earliest" : "as planned")}", day, Step: step.Kind);
        }));
        holding.AddRange(projects.Select(project => project.PlannedHandover is { } planned
            ? new Blocker(BlockerKind.Project, project.Name, planned < asOf
                ? $"{project.Title} was to be handed over{On(planned)} and is not yet"
                : $"{project.Title} is to be handed over{On(planned)}", Later(planned, asOf))
            : new Blocker(BlockerKind.Project, project.Name, $"{project.Title} has no planned handover date", null)));

        var last = Blocker.Latest(holding);
        return new Blocker(BlockerKind.SiteClosure, site.Name,
            last is null ? $"nothing holds {site.DisplayName} open" : last.Date is null ? $"{site.DisplayName} cannot be closed until this is known" : $"{site.DisplayName} closed{On(last.Date)}",
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
                return new Blocker(BlockerKind.Movement, movement.Name,
                    $"held since {Day(held)}, carries {People(movement.People)}; its earliest release is {Day(release)}", release);
            case MovementState.Planned:
                var leaves = Later(movement.PlannedDate, asOf);
                return new Blocker(BlockerKind.Movement, movement.Name, movement.PlannedDate < asOf
                    ? $"planned for {Day(movement.PlannedDate)} and not started, carries {People(movement.People)}; leaves {Day(leaves)} at the earliest"
                    : $"carries {People(movement.People)}, leaves{On(leaves)}", leaves);
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
            $"{asset.Description} disposed of{On(day)}{(asset.NeedsApproval && asset.PlannedDisposal is null ? ", after the board's approval" : string.Empty)}", day);
    }

    private static string People(int count) => count == 1 ? "1 person" : $"{count} people";

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static int? DaysBetween(DateOnly? from, DateOnly? to) => from is { } f && to is { } t ? t.DayNumber - f.DayNumber : null;

    private static string On(DateOnly? day) => day is { } d ? " on " + Day(d) : string.Empty;

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
