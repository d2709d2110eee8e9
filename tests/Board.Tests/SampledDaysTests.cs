extern alias board;
using board::MissionOps.Board.Overview;
using MissionOps.Common.V1;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Tests;

public sealed class SampledDaysTests
{
    private static readonly PhaseBand Phase = new("missions/m/drawdownPhases/one", new LocalizedText { En = "One" }, 1, new(2023, 7, 1), new(2023, 9, 30));

    [Fact]
    public void The_curve_is_sampled_weekly_across_the_phases_and_passes_through_every_deadline_and_the_planning_day()
    {
        var deadline = new TargetPoint(new(2023, 8, 15), Component.Military, 100, 90, Met: true, Forecast: false);
        var planningDay = new DateOnly(2023, 8, 2);

        var days = MissionOverviewReader.SampledDays(new Mission(), [Phase], [deadline], planningDay);

        Assert.Equal(new DateOnly(2023, 7, 1), days[0]);
        Assert.Equal(new DateOnly(2023, 9, 30), days[^1]);
        Assert.Contains(deadline.Deadline, days);
        Assert.Contains(planningDay, days);
        Assert.Equal(days.Order(), days);
        Assert.Equal(days.Count, days.Distinct().Count());
        Assert.All(days.Zip(days.Skip(1)), pair => Assert.InRange(pair.Second.DayNumber - pair.First.DayNumber, 1, MissionOverviewReader.SampleDays));
    }

    [Fact]
    public void A_mandate_that_ends_after_the_phases_stretches_the_curve_to_its_end()
    {
        var mission = new Mission { MandateEndDate = new DateOnly(2023, 12, 31).ToProto() };

        var days = MissionOverviewReader.SampledDays(mission, [Phase], [], new DateOnly(2023, 8, 2));

        Assert.Equal(new DateOnly(2023, 12, 31), days[^1]);
    }
}
