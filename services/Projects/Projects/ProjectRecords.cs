using V1 = MissionOps.Projects.V1;

namespace MissionOps.Projects.Projects;

/// <summary>Reads what is recorded on a project later: transactions, results and their actuals, the handover.</summary>
public static class ProjectRecords
{
    private const int MaxRefLength = 64;

    public static (Transaction Transaction, string Currency) ParseTransaction(RequestValidator v, V1.Transaction? t)
    {
        if (t is null)
        {
            v.Add("transaction", "is required");
            return (new Transaction(default, default, 0, null), string.Empty);
        }

        MoneyInput.MinorUnits(v, "transaction.value.minor_units", t.Value?.MinorUnits);
        return (new Transaction(
            v.Enum("transaction.type", t.Type),
            v.Date("transaction.transaction_date", t.TransactionDate),
            t.Value?.MinorUnits ?? 0,
            v.OptionalBilingual("transaction.description", t.Description)), t.Value?.CurrencyCode ?? string.Empty);
    }

    public static Result ParseResult(RequestValidator v, V1.Result? r)
    {
        if (r is null)
        {
            v.Add("result", "is required");
            return new Result(string.Empty, default, Text.Empty, []);
        }

        v.Check(r.Indicators.Count > 0, "result.indicators", "measure the result with at least one indicator");
        var indicators = r.Indicators.Select((indicator, i) =>
        {
            var at = $"result.indicators[{i}]";
            v.Check(indicator.BaselineYear is >= 1900 and <= 2100, $"{at}.baseline_year", $"{indicator.BaselineYear} is not a plausible year");
            var periods = indicator.Periods.Select((p, j) =>
            {
                var start = v.Date($"{at}.periods[{j}].period_start", p.PeriodStart);
                var end = v.Date($"{at}.periods[{j}].period_end", p.PeriodEnd);
                v.NotBefore($"{at}.periods[{j}].period_end", end, $"{at}.periods[{j}].period_start", start);
                return new IndicatorPeriod(start, end, Value(v, $"{at}.periods[{j}].target", p.Target),
                    p.HasActual ? Value(v, $"{at}.periods[{j}].actual", p.Actual) : null);
            }).ToList();
            return new Indicator(Ref(v, $"{at}.ref", indicator.Ref), v.Bilingual($"{at}.title", indicator.Title), v.Enum($"{at}.measure", indicator.Measure),
                indicator.BaselineYear, Value(v, $"{at}.baseline_value", indicator.BaselineValue), periods);
        }).ToList();
        return new Result(Ref(v, "result.ref", r.Ref), v.Enum("result.type", r.Type), v.Bilingual("result.title", r.Title), indicators);
    }

    public static IndicatorActual ParseIndicatorActual(RequestValidator v, V1.RecordIndicatorActualRequest request)
    {
        var start = v.Date("period_start", request.PeriodStart);
        var end = v.Date("period_end", request.PeriodEnd);
        v.NotBefore("period_end", end, "period_start", start);
        v.Check(request.HasActual, "actual", "is required (0 included)");
        return new IndicatorActual(v.Required("result_ref", request.ResultRef, MaxRefLength), v.Required("indicator_ref", request.IndicatorRef, MaxRefLength),
            start, end, Value(v, "actual", request.Actual));
    }

    public static ProjectHandover ParseHandover(RequestValidator v, V1.ProjectHandover? h)
    {
        if (h is null)
        {
            v.Add("handover", "is required");
            return new ProjectHandover(Text.Empty, default, default, new Document(Text.Empty, string.Empty, null, default, []));
        }

        return new ProjectHandover(
            v.Bilingual("handover.recipient", h.Recipient),
            v.Enum("handover.recipient_kind", h.RecipientKind),
            v.Date("handover.handover_date", h.HandoverDate),
            DocumentMapping.Parse(v, "handover.document", h.Document));
    }

    private static string Ref(RequestValidator v, string field, string? reference) => v.Optional(field, reference, MaxRefLength) ?? string.Empty;

    /// <summary>A value the domain can hold exactly: NaN, infinities and absurd magnitudes are refused here, by field.</summary>
    private static decimal Value(RequestValidator v, string field, double value) =>
        v.Check(double.IsFinite(value) && Math.Abs(value) <= 1e15, field, $"{value} is not a finite number of at most 10^15") ? (decimal)value : 0;
}
