using MissionOps.Personnel.Telemetry;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

/// <summary>What the dashboard's Personnel gauges say of a mission: on its planning day, per mission, against its target.</summary>
public sealed class MetricsTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public async Task The_gauges_give_each_mission_its_headcount_on_its_planning_day_the_target_in_force_and_its_open_movements()
    {
        await HireAsync("soldier");
        await HireAsync("officer", category: Category.StaffOfficer);
        await HireAsync("police", category: Category.IndividualPolice);
        // Left on 20 November, before the planning day (1 December 2023); the others leave after it.
        await Client.CreateMovementAsync(MovePerson("m1", "police", Sevare, null, Day(2023, 11, 20)));
        await Client.StartMovementAsync(Start("m1", Day(2023, 11, 20)));
        await Client.CompleteMovementAsync(Complete("m1", Day(2023, 11, 20)));
        await Client.CreateMovementAsync(MovePerson("m2", "officer", Sevare, null, Day(2023, 12, 20)));
        await Client.CreateMovementAsync(MovePerson("m3", "soldier", Sevare, null, Day(2023, 12, 22)));
        await Client.StartMovementAsync(Start("m3", Day(2023, 12, 21)));
        await Client.HoldMovementAsync(Hold("m3"));
        await Client.CreateDrawdownTargetAsync(Target(Component.Military));

        var gauges = await Gauges.ReadAsync(App.Service.Services, PersonnelMetrics.MeterName);

        var headcount = Assert.Single(gauges, g => g.Instrument == "missionops.personnel.headcount");
        Assert.Equal((2d, "minusma", Sevare, "Military"), (headcount.Value, headcount.Tag("mission"), headcount.Tag("site"), headcount.Tag("component")));
        var target = Assert.Single(gauges, g => g.Instrument == "missionops.personnel.drawdown_target");
        Assert.Equal((0d, "minusma", "Military", "phase-2"), (target.Value, target.Tag("mission"), target.Tag("component"), target.Tag("drawdown_phase")));
        Assert.Equal([("Held", 1d), ("Planned", 1d)], gauges.Where(g => g.Instrument == "missionops.personnel.movements.open")
            .Select(g => (g.Tag("state"), g.Value)).Order());
    }

    [Fact]
    public async Task A_target_whose_deadline_has_passed_on_the_planning_day_is_no_longer_shown()
    {
        await HireAsync("soldier");
        var past = Target(Component.Military);
        past.DrawdownTarget.Deadline = Day(2023, 9, 30);
        await Client.CreateDrawdownTargetAsync(past);

        var gauges = await Gauges.ReadAsync(App.Service.Services, PersonnelMetrics.MeterName);

        Assert.DoesNotContain(gauges, g => g.Instrument == "missionops.personnel.drawdown_target");
        Assert.Contains(gauges, g => g.Instrument == "missionops.personnel.headcount" && g.Value == 1);
    }
}
