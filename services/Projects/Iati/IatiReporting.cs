namespace MissionOps.Projects.Iati;

/// <summary>
/// Each mission's IATI reporting organisation, from configuration: <c>Iati:ReportingOrganisations:{mission}</c>
/// with <c>Ref</c>, <c>NameEn</c> and <c>NameFr</c>. A mission publishes under its own identifier,
/// never under a constant that could be another organisation's.
/// </summary>
public sealed class IatiReporting(IConfiguration configuration)
{
    public const string Section = "Iati:ReportingOrganisations";

    public ReportingOrganisation? For(string missionId)
    {
        var section = configuration.GetSection($"{Section}:{missionId}");
        return section["Ref"] is { Length: > 0 } reference
            ? new ReportingOrganisation(reference, new Text(section["NameEn"] ?? reference, section["NameFr"] ?? section["NameEn"] ?? reference))
            : null;
    }

    /// <summary>The configuration keys of one mission's reporting organisation.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings(string missionId, string reference, Text name) =>
    [
        new($"{Section}:{missionId}:Ref", reference),
        new($"{Section}:{missionId}:NameEn", name.En),
        new($"{Section}:{missionId}:NameFr", name.Fr),
    ];
}
