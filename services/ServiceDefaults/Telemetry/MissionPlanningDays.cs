using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MissionOps.ServiceDefaults.Telemetry;

/// <summary>
/// The day each mission's gauges describe: today, unless configured. A mission whose drawdown is over is shown on a day
/// of its own (<c>Missions:{id}:PlanningDay=2023-12-09</c>), or replayed (<c>Missions:{id}:PlanningDay:From</c>,
/// <c>:To</c>, <c>:DaysPerMinute</c>): the day advances from From as the service runs, and starts again after To, so
/// that the dashboard draws the drawdown's curve as it happened.
/// </summary>
public sealed class MissionPlanningDays(IConfiguration configuration, TimeProvider clock)
{
    private readonly long _started = clock.GetTimestamp();

    public DateOnly Of(string missionId)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var setting = configuration.GetSection($"Missions:{missionId}:PlanningDay");
        if (Day(setting.Value) is { } fixedDay)
        {
            return fixedDay;
        }

        if (Day(setting["From"]) is not { } from)
        {
            return today;
        }

        var to = Day(setting["To"]) ?? today;
        if (!double.TryParse(setting["DaysPerMinute"], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate <= 0 || to < from)
        {
            return from;
        }

        var days = (long)(clock.GetElapsedTime(_started).TotalMinutes * rate);
        return from.AddDays((int)(days % (to.DayNumber - from.DayNumber + 1)));
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
