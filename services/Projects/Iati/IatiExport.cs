using System.Globalization;
using System.Xml.Linq;
using MissionOps.Projects.Projects;
using TransactionType = MissionOps.Projects.V1.TransactionType;

namespace MissionOps.Projects.Iati;

public sealed record ReportingOrganisation(string Ref, Text Name);

/// <summary>
/// Writes projects as an IATI activities file, standard 2.03, with English narratives (the
/// default language) and French ones beside them. Element order follows the schema's sequence.
/// </summary>
public static class IatiExport
{
    public const string Version = "2.03";

    /// <summary>IATI organisation type 40: multilateral.</summary>
    private const string MultilateralOrganisation = "40";

    /// <summary>Result and indicator vocabulary 99: the reporting organisation's own refs, IATI 2.03's place for them.</summary>
    private const string ReportingOrganisationVocabulary = "99";

    private static readonly XNamespace Xml = XNamespace.Xml;

    public static XDocument Build(IReadOnlyList<Project> projects, ReportingOrganisation reporter, CodeLists codes, DateTimeOffset generated) =>
        new(new XDeclaration("1.0", "UTF-8", null),
            new XElement("iati-activities",
                new XAttribute("version", Version),
                new XAttribute("generated-datetime", generated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
                projects.Select(p => Activity(p, reporter, codes))));

    private static XElement Activity(Project p, ReportingOrganisation reporter, CodeLists codes)
    {
        var d = p.Description;
        var country = d.Locations.Select(l => l.RegionPcode ?? l.DistrictPcode).FirstOrDefault(code => code is { Length: >= 2 })?[..2];
        return new XElement("iati-activity",
            new XAttribute("last-updated-datetime", p.UpdateTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new XAttribute(Xml + "lang", "en"),
            new XAttribute("default-currency", d.Currency),
            new XElement("iati-identifier", p.IatiIdentifier),
            new XElement("reporting-org", new XAttribute("ref", reporter.Ref), new XAttribute("type", MultilateralOrganisation), Narratives(reporter.Name)),
            new XElement("title", Narratives(d.Title)),
            new XElement("description", new XAttribute("type", "1"), Narratives(d.Description)),
            d.TargetGroups is null ? null : new XElement("description", new XAttribute("type", "3"), Narratives(d.TargetGroups)),
            d.Organisations.Select(o => new XElement("participating-org",
                o.Ref is null ? null : new XAttribute("ref", o.Ref),
                new XAttribute("role", (int)o.Role),
                Narratives(o.Name))),
            new XElement("activity-status", new XAttribute("code", (int)p.Status)),
            Date(d.PlannedStart, 1),
            p.ActualStart is { } actualStart ? Date(actualStart, 2) : null,
            Date(d.PlannedEnd, 3),
            p.ActualEnd is { } actualEnd ? Date(actualEnd, 4) : null,
            country is null ? null : new XElement("recipient-country", new XAttribute("code", country), new XAttribute("percentage", "100")),
            d.Locations.Select(Location),
            d.Sectors.Select(s => new XElement("sector",
                new XAttribute("vocabulary", "1"),
                new XAttribute("code", s.Code),
                new XAttribute("percentage", s.Percentage.ToString("0.##", CultureInfo.InvariantCulture)),
                codes.Sectors.TryGetValue(s.Code, out var name) ? Narratives(name) : null)),
            d.Budgets.Select(b => new XElement("budget",
                new XAttribute("type", b.Revised ? "2" : "1"),
                new XAttribute("status", "2"),
                new XElement("period-start", new XAttribute("iso-date", Iso(b.PeriodStart))),
                new XElement("period-end", new XAttribute("iso-date", Iso(b.PeriodEnd))),
                Value(b.MinorUnits, d.Currency, b.PeriodStart))),
            p.Transactions.Select(t => new XElement("transaction",
                new XElement("transaction-type", new XAttribute("code", (int)t.Type)),
                new XElement("transaction-date", new XAttribute("iso-date", Iso(t.Date))),
                Value(t.MinorUnits, d.Currency, t.Date),
                t.Description is null ? null : new XElement("description", Narratives(t.Description)))),
            p.Results.Select(Result));
    }

    private static XElement Location(ProjectLocation l)
    {
        var (reference, name) = l switch
        {
            { DistrictPcode: { } district } => (district, l.Name ?? new Text($"District {district}", $"Cercle {district}")),
            { Site: { } site } => (site, l.Name ?? new Text(site, site)),
            { Route: { } route } => ($"{route.Road} {route.FromPlace}-{route.ToPlace}",
                l.Name ?? new Text($"{route.Road}, {route.FromPlace} to {route.ToPlace}", $"{route.Road}, de {route.FromPlace} à {route.ToPlace}")),
            _ => (string.Empty, Text.Empty),
        };
        return new XElement("location",
            new XAttribute("ref", reference),
            new XElement("name", Narratives(name)),
            l.Route is { } r
                ? new XElement("description", Narratives(new Text($"Road segment {r.Road} between {r.FromPlace} and {r.ToPlace}",
                    $"Tronçon de la {r.Road} entre {r.FromPlace} et {r.ToPlace}")))
                : null,
            l.Coordinates is { } point ? Point(point) : null,
            l.Coordinates is null ? null : new XElement("exactness", new XAttribute("code", "1")));
    }

    /// <summary>IATI's point: latitude then longitude, in WGS 84 (EPSG:4326), as the standard's guidance writes it.</summary>
    private static XElement Point(GeoPoint point) =>
        new("point", new XAttribute("srsName", "http://www.opengis.net/def/crs/EPSG/0/4326"),
            new XElement("pos", string.Create(CultureInfo.InvariantCulture, $"{point.Latitude} {point.Longitude}")));

    private static XElement Result(Result r) =>
        new("result",
            new XAttribute("type", (int)r.Type),
            new XElement("title", Narratives(r.Title)),
            new XElement("reference", new XAttribute("vocabulary", ReportingOrganisationVocabulary), new XAttribute("code", r.Ref)),
            r.Indicators.Select(i => new XElement("indicator",
                new XAttribute("measure", (int)i.Measure),
                new XElement("title", Narratives(i.Title)),
                new XElement("reference", new XAttribute("vocabulary", ReportingOrganisationVocabulary), new XAttribute("code", i.Ref)),
                new XElement("baseline", new XAttribute("year", i.BaselineYear), new XAttribute("value", Number(i.BaselineValue))),
                i.Periods.Select(p => new XElement("period",
                    new XElement("period-start", new XAttribute("iso-date", Iso(p.PeriodStart))),
                    new XElement("period-end", new XAttribute("iso-date", Iso(p.PeriodEnd))),
                    new XElement("target", new XAttribute("value", Number(p.Target))),
                    p.Actual is { } actual ? new XElement("actual", new XAttribute("value", Number(actual))) : null)))));

    private static IEnumerable<XElement> Narratives(Text text) =>
        [new XElement("narrative", text.En), new XElement("narrative", new XAttribute(Xml + "lang", "fr"), text.Fr)];

    private static XElement Date(DateOnly date, int type) =>
        new("activity-date", new XAttribute("iso-date", Iso(date)), new XAttribute("type", type));

    private static XElement Value(long minorUnits, string currency, DateOnly valueDate) =>
        new("value", new XAttribute("currency", currency), new XAttribute("value-date", Iso(valueDate)), MinorUnits.Format(minorUnits, currency));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
