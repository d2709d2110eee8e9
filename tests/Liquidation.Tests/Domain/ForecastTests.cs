using MissionOps.Liquidation.Forecast;
using MissionOps.Personnel.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Tests.Domain;

/// <summary>Small missions whose forecast is known by hand: what closes each site, what sets each date, and what is late.</summary>
public sealed class ForecastTests
{
    internal const string Camp = "missions/m/sites/camp";
    internal const string Base = "missions/m/sites/base";
    internal static readonly DateOnly December1 = new(2023, 12, 1);

    internal static DateOnly Dec(int day) => new(2023, 12, day);

    internal static SiteFacts Site(string name, int people, string? phase = "missions/m/drawdownPhases/p1", SiteState state = SiteState.Closing,
        params ClosureStepKind[] stepsRemaining) =>
        new(name, name[(name.LastIndexOf('/') + 1)..], state, phase, people, [.. stepsRemaining.Select(kind => new RemainingStep(kind))]);

    internal static OutboundMovement Convoy(string id, string from, int people, DateOnly planned, MovementState state = MovementState.Planned,
        DateOnly? heldSince = null, DateOnly? expectedRelease = null) =>
        new($"missions/m/movements/{id}", from, people, state, planned, heldSince, expectedRelease);

    internal static ForecastFacts Mission(DateOnly asOf, IReadOnlyList<SiteFacts> sites, IReadOnlyList<OutboundMovement>? movements = null,
        IReadOnlyList<OpenProject>? projects = null, IReadOnlyList<AssetAwaitingDisposal>? assets = null, DateOnly? phaseEnd = null) =>
        new("missions/m", asOf, Dec(31), new Dictionary<string, DateOnly> { ["missions/m/drawdownPhases/p1"] = phaseEnd ?? Dec(31) },
            sites, movements ?? [], projects ?? [], assets ?? []);

    [Fact]
    public void The_last_convoy_out_sets_the_closure_and_the_handover_follows_a_day_later()
    {
        var forecast = Forecaster.Forecast(Mission(December1, [Site(Camp, 300)],
            [Convoy("a", Camp, 100, Dec(5)), Convoy("b", Camp, 200, Dec(10))]));

        var camp = forecast.Site(Camp);
        Assert.Equal((Dec(10), Dec(11)), (camp.Closure, camp.Handover));
        Assert.Equal([(BlockerKind.Movement, "missions/m/movements/b"), (BlockerKind.SiteClosure, Camp), (BlockerKind.SiteHandover, Camp)],
            camp.CriticalPath.Select(b => (b.Kind, b.Resource)));
        Assert.Equal(("camp can be closed on 10 Dec 2023", "camp : fermeture possible le 10 déc. 2023"),
            (camp.CriticalPath[1].Description, camp.CriticalPath[1].Text.Fr));
        Assert.Equal(Dec(11), forecast.Withdrawal);
        Assert.Equal(20, forecast.SlackDays);
        Assert.False(forecast.AtRisk);
    }

    [Fact]
    public void A_held_convoy_is_released_a_week_after_it_was_held_unless_it_says_when()
    {
        var sites = new[] { Site(Camp, 140) };
        var held = Forecaster.Forecast(Mission(Dec(4), sites, [Convoy("c-112", Camp, 140, Dec(2), MovementState.Held, heldSince: Dec(2))]));

        var cause = held.Site(Camp).CriticalPath[0];
        Assert.Equal(("missions/m/movements/c-112", Dec(9)), (cause.Resource, cause.Date));
        Assert.Equal("held since 2 Dec 2023, carries 140 people; its earliest release is 9 Dec 2023", cause.Description);
        Assert.Equal("retenu depuis le 2 déc. 2023, transporte 140 personnes ; libéré le 9 déc. 2023 au plus tôt", cause.Text.Fr);
        Assert.Equal(Dec(9), held.Site(Camp).Closure);

        var released = Forecaster.Forecast(Mission(Dec(4), sites,
            [Convoy("c-112", Camp, 140, Dec(2), MovementState.Held, heldSince: Dec(2), expectedRelease: Dec(15))]));
        Assert.Equal(Dec(15), released.Site(Camp).Closure);

        var longerHolds = Forecaster.Forecast(Mission(Dec(4), sites, [Convoy("c-112", Camp, 140, Dec(2), MovementState.Held, heldSince: Dec(2))]),
            ForecastAssumptions.Default with { HoldDays = 10 });
        Assert.Equal(Dec(12), longerHolds.Site(Camp).Closure);
    }

    [Fact]
    public void A_convoy_on_its_way_no_longer_holds_its_origin_and_an_overdue_one_leaves_today_at_the_earliest()
    {
        var forecast = Forecaster.Forecast(Mission(Dec(6), [Site(Camp, 300)],
            [Convoy("gone", Camp, 200, Dec(20), MovementState.InTransit), Convoy("late", Camp, 100, Dec(3))]));

        var cause = forecast.Site(Camp).CriticalPath[0];
        Assert.Equal(("missions/m/movements/late", Dec(6)), (cause.Resource, cause.Date));
        Assert.Contains("planned for 3 Dec 2023 and not started", cause.Description, StringComparison.Ordinal);
        Assert.Equal(Dec(6), forecast.Site(Camp).Closure);
    }

    [Fact]
    public void People_no_movement_takes_out_leave_the_closure_unknown_and_the_site_at_risk()
    {
        var forecast = Forecaster.Forecast(Mission(December1, [Site(Camp, 300), Site(Base, 0)], [Convoy("a", Camp, 100, Dec(5))]));

        var camp = forecast.Site(Camp);
        Assert.Null(camp.Closure);
        Assert.Null(camp.Handover);
        Assert.True(camp.AtRisk);
        Assert.Equal(BlockerKind.PeopleWithoutMovement, camp.CriticalPath[0].Kind);
        Assert.Contains("200 of the 300 people", camp.CriticalPath[0].Description, StringComparison.Ordinal);
        Assert.Same(camp, forecast.Sites[0]);
        Assert.Null(forecast.Withdrawal);
        Assert.True(forecast.AtRisk);
        Assert.Equal([BlockerKind.PeopleWithoutMovement, BlockerKind.SiteClosure, BlockerKind.SiteHandover, BlockerKind.Withdrawal],
            forecast.WithdrawalPath.Select(b => b.Kind));
    }

    [Fact]
    public void A_project_handed_over_after_the_last_convoy_holds_its_site_open_and_one_without_a_date_leaves_it_unknown()
    {
        var movements = new[] { Convoy("a", Camp, 50, Dec(10)) };
        var school = new OpenProject("missions/m/projects/school", "School", Camp, Dec(20));

        var dated = Forecaster.Forecast(Mission(December1, [Site(Camp, 50)], movements, [school]));
        Assert.Equal(Dec(20), dated.Site(Camp).Closure);
        Assert.Equal((BlockerKind.Project, "missions/m/projects/school"), (dated.Site(Camp).CriticalPath[0].Kind, dated.Site(Camp).CriticalPath[0].Resource));

        var undated = Forecaster.Forecast(Mission(December1, [Site(Camp, 50)], movements, [school with { PlannedHandover = null }]));
        Assert.Null(undated.Site(Camp).Closure);
        Assert.Equal("School has no planned handover date", undated.Site(Camp).CriticalPath[0].Description);

        var elsewhere = Forecaster.Forecast(Mission(December1, [Site(Camp, 50)], movements, [school with { Site = Base }]));
        Assert.Equal(Dec(10), elsewhere.Site(Camp).Closure);
    }

    [Fact]
    public void Closure_steps_not_recorded_take_their_days_from_today_side_by_side()
    {
        var facts = Mission(December1, [Site(Camp, 50, stepsRemaining: [ClosureStepKind.ContingentEquipmentWithdrawn, ClosureStepKind.HazardousWasteRemoved])],
            [Convoy("a", Camp, 50, Dec(10))]);

        var forecast = Forecaster.Forecast(facts);
        Assert.Equal(Dec(15), forecast.Site(Camp).Closure);
        Assert.Equal((Camp, (ClosureStepKind?)ClosureStepKind.ContingentEquipmentWithdrawn), (forecast.Site(Camp).CriticalPath[0].Resource, forecast.Site(Camp).CriticalPath[0].Step));

        var quicker = Forecaster.Forecast(facts, ForecastAssumptions.Default with
        {
            StepDays = new Dictionary<ClosureStepKind, int> { [ClosureStepKind.ContingentEquipmentWithdrawn] = 3, [ClosureStepKind.HazardousWasteRemoved] = 12 },
        });
        Assert.Equal(Dec(13), quicker.Site(Camp).Closure);
        Assert.Equal((Camp, (ClosureStepKind?)ClosureStepKind.HazardousWasteRemoved), (quicker.Site(Camp).CriticalPath[0].Resource, quicker.Site(Camp).CriticalPath[0].Step));
    }

    [Fact]
    public void A_site_forecast_past_its_phase_end_is_at_risk_with_its_slack_and_comes_first()
    {
        var forecast = Forecaster.Forecast(Mission(December1, [Site(Base, 10), Site(Camp, 10)],
            [Convoy("a", Camp, 10, Dec(15)), Convoy("b", Base, 10, Dec(6))], phaseEnd: Dec(12)));

        Assert.Equal([(Camp, -4, true), (Base, 5, false)], forecast.Sites.Select(s => (s.Site, s.SlackDays!.Value, s.AtRisk)));
        Assert.Equal(Dec(12), forecast.Site(Camp).PhaseEnd);
    }

    [Fact]
    public void The_final_report_waits_for_the_last_handover_or_the_last_disposal_whichever_is_later()
    {
        var sites = new[] { Site(Camp, 10), Site(Base, 10) };
        var movements = new[] { Convoy("a", Camp, 10, Dec(15)), Convoy("b", Base, 10, Dec(6)) };
        var generator = new AssetAwaitingDisposal("missions/m/assets/generator", "Generator", Base, NeedsApproval: true);

        var waiting = Forecaster.Forecast(Mission(December1, sites, movements, assets: [generator]));
        Assert.Equal((Dec(16), Dec(22)), (waiting.Withdrawal, waiting.FinalReport));
        Assert.Equal([(BlockerKind.Asset, "missions/m/assets/generator")], waiting.CriticalPath.Select(b => (b.Kind, b.Resource)));

        var planned = Forecaster.Forecast(Mission(December1, sites, movements, assets: [generator with { PlannedDisposal = Dec(5) }]));
        Assert.Equal(Dec(16), planned.FinalReport);
        Assert.Equal(["missions/m/movements/a", Camp, Camp, "missions/m"], planned.CriticalPath.Select(b => b.Resource));
        Assert.Equal(15, planned.SlackDays);
    }

    [Fact]
    public void Sites_already_handed_over_or_closed_keep_their_days_and_a_handed_over_one_is_never_at_risk()
    {
        var forecast = Forecaster.Forecast(Mission(Dec(20), [
            Site(Camp, 0, state: SiteState.HandedOver) with { ClosedOn = Dec(8), HandedOverOn = Dec(9) },
            Site(Base, 0, state: SiteState.Closed) with { ClosedOn = Dec(18) },
        ], phaseEnd: Dec(15)));

        var camp = forecast.Site(Camp);
        Assert.Equal((Dec(8), Dec(9), false), (camp.Closure, camp.Handover, camp.AtRisk));
        var @base = forecast.Site(Base);
        // Closed two days before the forecast and not handed over yet: today at the earliest, not a day already past.
        Assert.Equal((Dec(18), Dec(20), -5, true), (@base.Closure, @base.Handover, @base.SlackDays, @base.AtRisk));
        Assert.Equal(Dec(20), forecast.Withdrawal);
        Assert.Equal([Base, Camp], forecast.Sites.Select(s => s.Site));
    }

    [Fact]
    public void A_site_kept_for_the_liquidation_is_left_out_of_the_withdrawal_measured_against_its_retention_and_awaited_by_the_final_report()
    {
        // The headquarters' project runs into March: its handover is past the phase, not past the residual team's retention.
        var sites = new[] { Site(Camp, 10), Site(Base, 10) with { RetainedUntil = new DateOnly(2024, 6, 30) } };
        var movements = new[] { Convoy("a", Camp, 10, Dec(15)), Convoy("b", Base, 10, Dec(6)) };
        var projects = new[] { new OpenProject("missions/m/projects/archives", "Archives", Base, new DateOnly(2024, 3, 31)) };

        var forecast = Forecaster.Forecast(Mission(December1, sites, movements, projects));

        var kept = forecast.Site(Base);
        Assert.Equal((new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30), 90, false), (kept.Handover, kept.RetainedUntil, kept.SlackDays, kept.AtRisk));
        Assert.Equal((Dec(16), 15, false), (forecast.Withdrawal, forecast.SlackDays, forecast.AtRisk));
        Assert.Equal([Camp, Camp], forecast.WithdrawalPath.SkipWhile(b => b.Kind == BlockerKind.Movement).Take(2).Select(b => b.Resource));
        Assert.Equal(new DateOnly(2024, 4, 1), forecast.FinalReport);
        Assert.Equal(["missions/m/projects/archives", Base, Base], forecast.CriticalPath.Select(b => b.Resource));
        Assert.Null(forecast.Site(Camp).RetainedUntil);

        // Held past its retention, the kept site is at risk; the withdrawal does not move.
        var late = Forecaster.Forecast(Mission(December1, sites, movements, [projects[0] with { PlannedHandover = new DateOnly(2024, 7, 15) }]));
        Assert.Equal((-16, true), (late.Site(Base).SlackDays, late.Site(Base).AtRisk));
        Assert.Equal((Dec(16), false), (late.Withdrawal, late.AtRisk));

        // Once it is handed over it is done, as any site, and no longer kept.
        var done = Forecaster.Forecast(Mission(December1, [sites[0], Site(Base, 0, state: SiteState.HandedOver) with
        {
            ClosedOn = Dec(1), HandedOverOn = Dec(1), RetainedUntil = new DateOnly(2024, 6, 30),
        }], movements));
        Assert.Null(done.Site(Base).RetainedUntil);
    }
}
