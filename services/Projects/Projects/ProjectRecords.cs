using MissionOps.ServiceDefaults.Contracts;
using V1 = MissionOps.Projects.V1;

namespace MissionOps.Projects.Projects;

/// <summary>Reads what is recorded on a project later: transactions, results, the handover.</summary>
public static class ProjectRecords
{
    public static (Transaction Transaction, string Currency) ParseTransaction(RequestValidator v, V1.Transaction? t)
    {
        if (t is null)
        {
            v.Add("transaction", "is required");
            return (new Transaction(default, default, 0, null), string.Empty);
        }

        v.Check(t.Value?.MinorUnits > 0, "transaction.value.minor_units", "must be more than 0");
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
            return new Result(default, Text.Empty, []);
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
                return new IndicatorPeriod(start, end, (decimal)p.Target, p.HasActual ? (decimal)p.Actual : null);
            }).ToList();
            return new Indicator(v.Bilingual($"{at}.title", indicator.Title), v.Enum($"{at}.measure", indicator.Measure),
                indicator.BaselineYear, (decimal)indicator.BaselineValue, periods);
        }).ToList();
        return new Result(v.Enum("result.type", r.Type), v.Bilingual("result.title", r.Title), indicators);
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
}
