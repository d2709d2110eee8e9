using System.Xml.Linq;

namespace MissionOps.Projects.Iati;

/// <summary>
/// The IATI code lists the service checks input against, read from the official files shipped
/// with it (Iati/Data): DAC 5-digit sectors with their English and French names. Currencies are
/// checked by every service against the same IATI list (<see cref="IsoCodes"/>).
/// </summary>
public sealed class CodeLists
{
    private CodeLists(IReadOnlyDictionary<string, Text> sectors) => Sectors = sectors;

    /// <summary>Active DAC 5-digit sector codes and their names.</summary>
    public IReadOnlyDictionary<string, Text> Sectors { get; }

    public static CodeLists Load() =>
        new(Items("Iati.Sector.xml").ToDictionary(item => item.Code, item => item.Name, StringComparer.Ordinal));

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
