using System.Text.RegularExpressions;

namespace MissionOps.Liquidation.Disposals;

/// <summary>The authority a disposal record carries, read from the contract; whether it is needed is <see cref="FinancialRegulation514"/>'s call.</summary>
public static partial class DisposalAuthorityInput
{
    public static CompensationTerms? Compensation(RequestValidator v, string field, V1.CompensationTerms? terms) => terms is null
        ? null
        : new CompensationTerms(
            v.Enum($"{field}.form", terms.Form),
            v.Bilingual($"{field}.description", terms.Description),
            DocumentMapping.Parse(v, $"{field}.agreement", terms.Agreement));

    /// <summary>A General Assembly document symbol: a resolution (A/RES/78/287) or a decision (A/DEC/78/548).</summary>
    public static string? GeneralAssemblyDecision(RequestValidator v, string field, string value)
    {
        var symbol = v.Optional(field, value, 100);
        v.Check(symbol is null || Symbol().IsMatch(symbol), field, $"'{symbol}' is not a General Assembly resolution or decision symbol (A/RES/78/287)");
        return symbol;
    }

    [GeneratedRegex(@"^A/(RES|DEC)/\d{1,3}/\d{1,4}[A-Z]?( [A-Z])?$")]
    private static partial Regex Symbol();
}
