namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>Codes from the ISO lists of <see cref="IsoCodes"/>, refused with the value when not in use.</summary>
public sealed partial class RequestValidator
{
    /// <summary>An ISO 3166-1 alpha-2 country code in use (<c>ML</c>).</summary>
    public string CountryCode(string field, string? code) =>
        Code(field, code, 2, IsoCodes.Countries, "an ISO 3166-1 alpha-2 country code in use, such as ML");

    /// <summary>An ISO 4217 currency code in use (<c>USD</c>, <c>XOF</c>).</summary>
    public string CurrencyCode(string field, string? code) =>
        Code(field, code, 3, IsoCodes.Currencies, "an ISO 4217 currency code in use, such as USD");

    private string Code(string field, string? code, int length, IReadOnlySet<string> codes, string what)
    {
        var value = Required(field, code, length);
        Check(value.Length == 0 || codes.Contains(value), field, $"'{value}' is not {what}");
        return value;
    }
}
