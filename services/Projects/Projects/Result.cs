using ResultType = MissionOps.Projects.V1.ResultType;

namespace MissionOps.Projects.Projects;

/// <summary>An output or outcome with its indicators; its ref, unique in the project, is how partners name it.</summary>
public sealed record Result(string Ref, ResultType Type, Text Title, IReadOnlyList<Indicator> Indicators)
{
    /// <summary>
    /// The result as the project keeps it after those <paramref name="recorded"/> before: refs given where the caller
    /// left them empty; refused whole, every bad field named, when a ref is taken or a value does not fit its indicator.
    /// </summary>
    public Result RecordedAfter(IReadOnlyList<Result> recorded)
    {
        var violations = new List<FieldViolation>();
        if (Ref.Length > 0 && recorded.Any(r => r.Ref == Ref))
        {
            violations.Add(new("result.ref", $"'{Ref}' is already the ref of another result of the project"));
        }

        for (var i = 0; i < Indicators.Count; i++)
        {
            var at = $"result.indicators[{i}]";
            var earlier = Indicators.Take(i).ToList().FindIndex(other => Indicators[i].Ref.Length > 0 && other.Ref == Indicators[i].Ref);
            if (earlier >= 0)
            {
                violations.Add(new($"{at}.ref", $"'{Indicators[i].Ref}' is already the ref of result.indicators[{earlier}]"));
            }

            violations.AddRange(Indicators[i].Violations(at));
        }

        if (violations.Count > 0)
        {
            throw new InvalidArgumentException(violations);
        }

        var resultRef = Ref.Length > 0 ? Ref : FirstFree(string.Empty, recorded.Count + 1, recorded.Select(r => r.Ref).ToHashSet());
        var taken = Indicators.Select(indicator => indicator.Ref).ToHashSet();
        var indicators = Indicators.Select((indicator, i) =>
            indicator.Ref.Length > 0 ? indicator : indicator with { Ref = FirstFree($"{resultRef}.", i + 1, taken) }).ToList();
        return this with { Ref = resultRef, Indicators = indicators };
    }

    /// <summary>The result with the actual recorded in the period it names.</summary>
    public Result WithActual(IndicatorActual actual, DateOnly today)
    {
        var i = Indicators.ToList().FindIndex(indicator => indicator.Ref == actual.IndicatorRef);
        if (i < 0)
        {
            throw new RuleBreachException(ErrorReason.IndicatorUnknown, "indicator_ref", actual.IndicatorRef,
                $"'{actual.IndicatorRef}' is not an indicator of result '{Ref}' (its indicators: {string.Join(", ", Indicators.Select(x => x.Ref))})");
        }

        var indicators = Indicators.ToArray();
        indicators[i] = Indicators[i].WithActual(actual, today);
        return this with { Indicators = indicators };
    }

    /// <summary>The first of prefix1, prefix2... from <paramref name="from"/> not yet taken, then taken.</summary>
    private static string FirstFree(string prefix, int from, HashSet<string> taken)
    {
        var n = from;
        while (taken.Contains($"{prefix}{n}"))
        {
            n++;
        }

        taken.Add($"{prefix}{n}");
        return $"{prefix}{n}";
    }
}
