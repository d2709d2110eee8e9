using IndicatorMeasure = MissionOps.Projects.V1.IndicatorMeasure;

namespace MissionOps.Projects.Projects;

/// <summary>What a result counts, from a baseline, with a target and an actual per period; its ref is unique in its result.</summary>
public sealed record Indicator(string Ref, Text Title, IndicatorMeasure Measure, int BaselineYear, decimal BaselineValue, IReadOnlyList<IndicatorPeriod> Periods)
{
    /// <summary>The values that do not fit the measure, and periods named twice: the dates are how a period is named.</summary>
    public IEnumerable<FieldViolation> Violations(string at)
    {
        if (Refusal(BaselineValue) is { } baseline)
        {
            yield return new($"{at}.baseline_value", baseline);
        }

        for (var j = 0; j < Periods.Count; j++)
        {
            var period = Periods[j];
            if (Refusal(period.Target) is { } target)
            {
                yield return new($"{at}.periods[{j}].target", target);
            }

            if (period.Actual is { } value && Refusal(value) is { } actual)
            {
                yield return new($"{at}.periods[{j}].actual", actual);
            }

            var same = Periods.Take(j).ToList().FindIndex(other => other.PeriodStart == period.PeriodStart && other.PeriodEnd == period.PeriodEnd);
            if (same >= 0)
            {
                yield return new($"{at}.periods[{j}]", $"has the same period_start and period_end as periods[{same}]");
            }
        }
    }

    /// <summary>The indicator with the actual recorded, or corrected, in the period it names.</summary>
    public Indicator WithActual(IndicatorActual actual, DateOnly today)
    {
        var j = Periods.ToList().FindIndex(p => p.PeriodStart == actual.PeriodStart && p.PeriodEnd == actual.PeriodEnd);
        if (j < 0)
        {
            var known = string.Join(", ", Periods.Select(p => $"{p.PeriodStart:yyyy-MM-dd} to {p.PeriodEnd:yyyy-MM-dd}"));
            var why = $"indicator '{Ref}' has no period {actual.PeriodStart:yyyy-MM-dd} to {actual.PeriodEnd:yyyy-MM-dd} (its periods: {known})";
            throw new InvalidArgumentException([new("period_start", why), new("period_end", why)]);
        }

        if (Refusal(actual.Value) is { } refusal)
        {
            throw new RuleBreachException(ErrorReason.ActualNotOfTheIndicator, "actual", actual.Value, refusal);
        }

        if (actual.PeriodStart > today)
        {
            throw new RuleViolationException(ErrorReason.PeriodNotStarted,
                $"The period {actual.PeriodStart:yyyy-MM-dd} to {actual.PeriodEnd:yyyy-MM-dd} of indicator '{Ref}' has not begun: nothing was achieved in it yet.");
        }

        var periods = Periods.ToArray();
        periods[j] = periods[j] with { Actual = actual.Value };
        return this with { Periods = periods };
    }

    private string? Refusal(decimal value) => Measure switch
    {
        IndicatorMeasure.Percentage when value is < 0 or > 100 => $"{value} is not a percentage from 0 to 100",
        IndicatorMeasure.Unit when value < 0 => $"{value} is a count and cannot be negative",
        _ => null,
    };
}

public sealed record IndicatorPeriod(DateOnly PeriodStart, DateOnly PeriodEnd, decimal Target, decimal? Actual);
