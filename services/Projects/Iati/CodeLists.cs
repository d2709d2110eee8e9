using System.Xml.Linq;
using MissionOps.ServiceDefaults.Contracts;

namespace MissionOps.Projects.Iati;

/// <summary>
/// The IATI code lists the service checks input against, read from the official files shipped
/// with it (Iati/Data): DAC 5-digit sectors with their English and French names, and currencies.
/// </summary>
public sealed class CodeLists
{
    private CodeLists(IReadOnlyDictionary<string, Text> sectors, IReadOnlySet<string> currencies)
    {
        Sectors = sectors;
        Currencies = currencies;
    }

    /// <summary>Active DAC 5-digit sector codes and their names.</summary>
    public IReadOnlyDictionary<string, Text> Sectors { get; }

    /// <summary>Active ISO 4217 currency codes.</summary>
    public IReadOnlySet<string> Currencies { get; }

    public static CodeLists Load()
    {
        var sectors = Items("Iati.Sector.xml").ToDictionary(item => item.Code, item => item.Name, StringComparer.Ordinal);
        var currencies = Items("Iati.Currency.xml").Select(item => item.Code).ToHashSet(StringComparer.Ordinal);
        return new CodeLists(sectors, currencies);
    }

    private static IEnumerable<(string Code, Text Name)> Items(string resource)
    {
        using var stream = typeof(CodeLists).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The IATI code list {resource} is not embedded in the service.");
        var xml = XNamespace.Xml;
        foreach (var item in XDocument.Load(stream).Descendants("codelist-item"))
        {
            if ((string?)item.Attribute("status") == "withdrawn")
            {
                continue;
            }

            var narratives = item.Element("name")?.Elements("narrative").ToList() ?? [];
            var en = narratives.FirstOrDefault(n => n.Attribute(xml + "lang") is null)?.Value ?? string.Empty;
            var fr = narratives.FirstOrDefault(n => (string?)n.Attribute(xml + "lang") == "fr")?.Value ?? en;
            yield return (item.Element("code")!.Value.Trim(), new Text(en, fr));
        }
    }
}
