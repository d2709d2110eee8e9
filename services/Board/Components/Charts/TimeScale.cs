using System.Globalization;

namespace MissionOps.Board.Components.Charts;

/// <summary>Days to horizontal positions in an SVG drawing, and the first day of each month between as ticks.</summary>
public sealed record TimeScale(DateOnly From, DateOnly To, double Left, double Right)
{
    public double X(DateOnly day)
    {
        var span = Math.Max(1, To.DayNumber - From.DayNumber);
        return Left + (Right - Left) * (day.DayNumber - From.DayNumber) / span;
    }

    /// <summary>The first of each month in the span; every second or third one when there are many.</summary>
    public IEnumerable<DateOnly> MonthTicks()
    {
        var months = new List<DateOnly>();
        for (var day = new DateOnly(From.Year, From.Month, 1).AddMonths(From.Day == 1 ? 0 : 1); day <= To; day = day.AddMonths(1))
        {
            months.Add(day);
        }

        var step = months.Count > 24 ? 3 : months.Count > 12 ? 2 : 1;
        return months.Where((_, i) => i % step == 0);
    }

    public static string Month(DateOnly day) => day.ToString("MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A coordinate as SVG wants it, whatever the culture's decimal separator.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
