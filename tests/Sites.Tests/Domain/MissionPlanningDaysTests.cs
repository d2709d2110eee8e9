using Microsoft.Extensions.Configuration;
using MissionOps.ServiceDefaults.Telemetry;

namespace MissionOps.Sites.Tests.Domain;

/// <summary>The day a mission's gauges describe: today, a fixed day, or a replay that advances and starts again.</summary>
public sealed class MissionPlanningDaysTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_mission_without_a_setting_is_shown_today()
    {
        var days = new MissionPlanningDays(Settings([]), new SteppedClock(Now));

        Assert.Equal(new DateOnly(2026, 12, 1), days.Of("minusma"));
    }

    [Fact]
    public void A_mission_given_a_day_is_shown_on_that_day_only()
    {
        var days = new MissionPlanningDays(Settings(new() { ["Missions:minusma:PlanningDay"] = "2023-12-09" }), new SteppedClock(Now));

        Assert.Equal(new DateOnly(2023, 12, 9), days.Of("minusma"));
        Assert.Equal(new DateOnly(2026, 12, 1), days.Of("monusco"));
    }

    [Fact]
    public void A_replay_advances_by_its_rate_and_starts_again_after_its_last_day()
    {
        var clock = new SteppedClock(Now);
        var days = new MissionPlanningDays(Settings(new()
        {
            ["Missions:minusma:PlanningDay:From"] = "2023-06-30",
            ["Missions:minusma:PlanningDay:To"] = "2023-07-09",
            ["Missions:minusma:PlanningDay:DaysPerMinute"] = "4",
        }), clock);

        Assert.Equal(new DateOnly(2023, 6, 30), days.Of("minusma"));
        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(new DateOnly(2023, 7, 3), days.Of("minusma"));
        clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(new DateOnly(2023, 7, 9), days.Of("minusma"));
        clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(new DateOnly(2023, 6, 30), days.Of("minusma"));
    }

    [Theory]
    [InlineData("9 December 2023", "4", "2026-12-01")]
    [InlineData("2023-06-30", "0", "2023-06-30")]
    [InlineData("2023-06-30", "fast", "2023-06-30")]
    public void A_replay_it_cannot_read_stays_on_its_first_day_or_shows_today(string from, string rate, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Missions:minusma:PlanningDay:From"] = from, ["Missions:minusma:PlanningDay:DaysPerMinute"] = rate };
        var clock = new SteppedClock(Now);
        var days = new MissionPlanningDays(Settings(settings), clock);
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), days.Of("minusma"));
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>A clock that moves only when told, its monotonic timestamps with it.</summary>
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private TimeSpan _elapsed;

        public void Advance(TimeSpan by) => _elapsed += by;

        public override DateTimeOffset GetUtcNow() => start + _elapsed;

        public override long GetTimestamp() => _elapsed.Ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }
}
