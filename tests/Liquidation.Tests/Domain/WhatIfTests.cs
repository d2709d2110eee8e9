using MissionOps.Liquidation.Forecast;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.Sites.V1;
using static MissionOps.Liquidation.Tests.Domain.ForecastTests;

namespace MissionOps.Liquidation.Tests.Domain;

/// <summary>Two plans side by side: the record's forecast, and the same with a planner's hypothetical changes, none stored.</summary>
public sealed class WhatIfTests
{
    private static readonly ForecastFacts Record = Mission(December1, [Site(Camp, 300, stepsRemaining: [ClosureStepKind.HazardousWasteRemoved]), Site(Base, 40)],
        [Convoy("c-101", Camp, 200, Dec(5)), Convoy("c-112", Camp, 100, Dec(10)), Convoy("c-200", Base, 40, Dec(4)),
            Convoy("c-050", Camp, 20, Dec(2), MovementState.InTransit)],
        [new OpenProject("missions/m/projects/well", "Well", Base, Dec(6))]);

    [Fact]
    public void Holding_the_last_convoy_moves_its_site_and_the_withdrawal_only_when_the_hold_outlasts_its_plan()
    {
        var plan = Forecaster.Forecast(Record);
        var heldAWeek = WhatIf.Forecast(Record, [new HoldMovement("missions/m/movements/c-112", 7)]);
        var heldAFortnight = WhatIf.Forecast(Record, [new HoldMovement("missions/m/movements/c-112", 14)]);

        Assert.Equal((Dec(10), Dec(11)), (plan.Site(Camp).Closure, plan.Withdrawal));
        // Released on 8 December, it still arrives no earlier than planned.
        Assert.Equal((Dec(10), Dec(11)), (heldAWeek.Site(Camp).Closure, heldAWeek.Withdrawal));
        Assert.Equal((Dec(15), Dec(16)), (heldAFortnight.Site(Camp).Closure, heldAFortnight.Withdrawal));
        Assert.Equal("held since 1 Dec 2023, carries 100 people; its earliest release is 15 Dec 2023", heldAFortnight.Site(Camp).CriticalPath[0].Description);
        // The record itself is untouched: the next forecast of it is the plan's.
        Assert.Equal(MovementState.Planned, Record.Movements[1].State);
        Assert.Equal(Dec(10), Forecaster.Forecast(Record).Site(Camp).Closure);
    }

    [Fact]
    public void A_later_handover_of_a_project_makes_it_the_cause_and_an_added_movement_can_close_a_site_nobody_could()
    {
        var later = WhatIf.Forecast(Record, [new MoveProjectHandover("missions/m/projects/well", Dec(20))]);
        Assert.Equal(Dec(20), later.Site(Base).Closure);
        Assert.Equal("missions/m/projects/well", later.Site(Base).CriticalPath[0].Resource);

        var stranded = Record with { Sites = [.. Record.Sites.Select(s => s.Name == Base ? s with { PeopleRemaining = 90 } : s)] };
        Assert.Null(Forecaster.Forecast(stranded).Site(Base).Closure);
        var evacuated = WhatIf.Forecast(stranded, [new AddMovement(Convoy("airlift", Base, 50, Dec(12)))]);
        Assert.Equal(Dec(12), evacuated.Site(Base).Closure);
        Assert.Equal("missions/m/movements/airlift", evacuated.Site(Base).CriticalPath[0].Resource);
    }

    [Fact]
    public void A_closure_step_given_a_day_and_a_convoy_moved_forward_change_what_sets_the_closure()
    {
        var stepLate = WhatIf.Forecast(Record, [new PlanClosureStep(Camp, ClosureStepKind.HazardousWasteRemoved, Dec(18))]);
        Assert.Equal(Dec(18), stepLate.Site(Camp).Closure);
        Assert.Equal((Camp, (ClosureStepKind?)ClosureStepKind.HazardousWasteRemoved), (stepLate.Site(Camp).CriticalPath[0].Resource, stepLate.Site(Camp).CriticalPath[0].Step));

        var sooner = WhatIf.Forecast(Record, [new MoveMovement("missions/m/movements/c-112", Dec(6))]);
        Assert.Equal(Dec(8), sooner.Site(Camp).Closure);
        Assert.Equal(BlockerKind.ClosureStep, sooner.Site(Camp).CriticalPath[0].Kind);
    }

    [Fact]
    public void Changes_naming_what_the_mission_does_not_have_are_refused_each_by_its_field()
    {
        var refused = Assert.Throws<InvalidArgumentException>(() => WhatIf.Forecast(Record,
        [
            new HoldMovement("missions/m/movements/c-112", 3),
            new HoldMovement("missions/m/movements/nowhere", 3),
            new MoveProjectHandover("missions/m/projects/bridge", Dec(9)),
            new PlanClosureStep(Base, ClosureStepKind.HazardousWasteRemoved, Dec(9)),
            new AddMovement(Convoy("c-101", Camp, 0, Dec(9))),
            new HoldMovement("missions/m/movements/c-101", 0),
            new MoveMovement("missions/m/movements/c-050", Dec(9)),
        ]));

        Assert.Equal(["changes[1].hold_movement.movement", "changes[2].move_project_handover.project", "changes[3].plan_closure_step.closure_step",
            "changes[4].add_movement.people_count", "changes[4].add_movement.id", "changes[5].hold_movement.days", "changes[6].move_movement.movement"], refused.Violations.Select(v => v.Field));
    }
}
