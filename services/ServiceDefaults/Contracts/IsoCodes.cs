using System.Collections.Frozen;
using System.Xml.Linq;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>
/// The ISO 4217 currency and ISO 3166-1 alpha-2 country codes in use, as the IATI code lists
/// shipped in Contracts/Codes replicate them; withdrawn codes are not among them.
/// </summary>
public static class IsoCodes
{
    private static readonly Lazy<FrozenSet<string>> CurrencyCodes = new(() => Active("Codes.Currency.xml"));
    private static readonly Lazy<FrozenSet<string>> CountryCodes = new(() => Active("Codes.Country.xml"));

    public static IReadOnlySet<string> Currencies => CurrencyCodes.Value;

    public static IReadOnlySet<string> Countries => CountryCodes.Value;

    private static FrozenSet<string> Active(string resource)
    {
        using var stream = typeof(IsoCodes).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The code list {resource} is not embedded in ServiceDefaults.");
        return XDocument.Load(stream).Descendants("codelist-item")
            .Where(item => (string?)item.Attribute("status") != "withdrawn")
            .Select(item => item.Element("code")!.Value.Trim())
            .ToFrozenSet(StringComparer.Ordinal);
    }
}
