using System.Text.RegularExpressions;
using MissionOps.Projects.Iati;
using V1 = MissionOps.Projects.V1;

namespace MissionOps.Projects.Projects;

/// <summary>Reads a project from the contract, naming every bad field; the sites it names are checked with Sites afterwards.</summary>
public static partial class ProjectInput
{
    public static (string IatiIdentifier, V1.ProjectKind Kind, ProjectDescription Description, List<(string Field, string Site)> Sites) Parse(
        RequestValidator v, CodeLists codes, V1.Project p)
    {
        var iati = v.Required("project.iati_identifier", p.IatiIdentifier, 150);
        v.Check(iati.Length == 0 || IatiIdentifierPattern().IsMatch(iati), "project.iati_identifier",
            $"'{iati}' is not an IATI identifier: the reporting organisation's identifier, a hyphen, then the activity's own, without spaces");
        var kind = v.Enum("project.kind", p.Kind);
        var plannedStart = v.Date("project.dates.planned_start", p.Dates?.PlannedStart);
        var plannedEnd = v.Date("project.dates.planned_end", p.Dates?.PlannedEnd);
        v.NotBefore("project.dates.planned_end", plannedEnd, "project.dates.planned_start", plannedStart);

        var sites = new List<(string, string)>();
        var (currency, budgets) = Budgets(v, codes, p.Budgets);
        var description = new ProjectDescription(
            v.Bilingual("project.title", p.Title),
            v.Bilingual("project.description", p.Description),
            v.OptionalBilingual("project.target_groups", p.TargetGroups),
            p.QuickImpact,
            plannedStart,
            plannedEnd,
            Organisations(v, p.ParticipatingOrganisations),
            Sectors(v, codes, p.Sectors),
            Locations(v, p.Locations, sites),
            currency,
            budgets,
            Beneficiaries(v, "project.beneficiaries", p.Beneficiaries),
            Training(v, kind, p.Training));
        return (iati, kind, description, sites);
    }

    private static IReadOnlyList<Organisation> Organisations(RequestValidator v, IList<V1.ParticipatingOrganisation> organisations)
    {
        var parsed = organisations.Select((o, i) => new Organisation(
            v.Bilingual($"project.participating_organisations[{i}].name", o.Name),
            v.Optional($"project.participating_organisations[{i}].ref", o.Ref, 100),
            v.Enum($"project.participating_organisations[{i}].role", o.Role))).ToList();
        foreach (var role in new[] { V1.OrganisationRole.Funding, V1.OrganisationRole.Implementing })
        {
            v.Check(parsed.Any(o => o.Role == role), "project.participating_organisations",
                $"name at least one organisation with the role ORGANISATION_ROLE_{role.ToString().ToUpperInvariant()}");
        }

        return parsed;
    }

    private static IReadOnlyList<SectorShare> Sectors(RequestValidator v, CodeLists codes, IList<V1.Sector> sectors)
    {
        if (!v.Check(sectors.Count > 0, "project.sectors", "name at least one DAC 5-digit sector"))
        {
            return [];
        }

        var parsed = new List<SectorShare>();
        for (var i = 0; i < sectors.Count; i++)
        {
            var code = sectors[i].Code;
            v.Check(codes.Sectors.ContainsKey(code), $"project.sectors[{i}].code", $"'{code}' is not a DAC 5-digit sector of the IATI Sector code list");
            var percentage = (decimal)sectors[i].Percentage;
            v.Check(percentage > 0 && percentage <= 100 && decimal.Round(percentage, 2) == percentage, $"project.sectors[{i}].percentage",
                $"{sectors[i].Percentage} must be more than 0 and at most 100, with at most two decimals");
            parsed.Add(new SectorShare(code, percentage));
        }

        foreach (var duplicate in parsed.GroupBy(s => s.Code).Where(g => g.Count() > 1))
        {
            v.Add("project.sectors", $"{duplicate.Key} is listed more than once");
        }

        var total = parsed.Sum(s => s.Percentage);
        v.Check(total == 100, "project.sectors", $"the percentages add up to {total}, not 100");
        return parsed;
    }

    private static IReadOnlyList<ProjectLocation> Locations(RequestValidator v, IList<V1.ProjectLocation> locations, List<(string, string)> sites)
    {
        v.Check(locations.Count > 0, "project.locations", "name at least one place: a district, a site or a road segment");
        var parsed = new List<ProjectLocation>();
        for (var i = 0; i < locations.Count; i++)
        {
            var at = $"project.locations[{i}]";
            var l = locations[i];
            var name = v.OptionalBilingual($"{at}.name", l.Name);
            var before = parsed.Count;
            switch (l.PlaceCase)
            {
                case V1.ProjectLocation.PlaceOneofCase.DistrictPcode:
                    var region = v.Required($"{at}.region_pcode", l.RegionPcode, 16);
                    v.Check(RegionPattern().IsMatch(region) || region.Length == 0, $"{at}.region_pcode", $"'{region}' is not a region P-code such as ML05");
                    v.Check(DistrictPattern().IsMatch(l.DistrictPcode) && l.DistrictPcode.StartsWith(region, StringComparison.Ordinal),
                        $"{at}.district_pcode", $"'{l.DistrictPcode}' is not a district P-code of region {region}");
                    parsed.Add(new ProjectLocation(l.DistrictPcode, null, null, region, v.Required($"{at}.pcode_version", l.PcodeVersion, 32), name));
                    break;
                case V1.ProjectLocation.PlaceOneofCase.Site:
                    sites.Add(($"{at}.site", l.Site));
                    parsed.Add(new ProjectLocation(null, l.Site, null, OptionalRegion(v, at, l.RegionPcode), v.Optional($"{at}.pcode_version", l.PcodeVersion, 32), name));
                    break;
                case V1.ProjectLocation.PlaceOneofCase.RouteSegment:
                    var route = new RouteSegment(
                        v.Required($"{at}.route_segment.road", l.RouteSegment.Road, 40),
                        v.Required($"{at}.route_segment.from_place", l.RouteSegment.FromPlace, 200),
                        v.Required($"{at}.route_segment.to_place", l.RouteSegment.ToPlace, 200));
                    parsed.Add(new ProjectLocation(null, null, route, OptionalRegion(v, at, l.RegionPcode), v.Optional($"{at}.pcode_version", l.PcodeVersion, 32), name));
                    break;
                default:
                    v.Add($"{at}.district_pcode", "set a district, a site or a road segment");
                    break;
            }

            if (l.Coordinates is not null && parsed.Count > before)
            {
                parsed[^1] = parsed[^1] with { Coordinates = Coordinates(v, at, l.Coordinates, parsed[^1].RegionPcode) };
            }
        }

        return parsed;
    }

    /// <summary>A project's point lies in the country its region's P-code starts with (ML05 is in Mali).</summary>
    private static GeoPoint? Coordinates(RequestValidator v, string at, Google.Type.LatLng coordinates, string? region)
    {
        if (region is not { Length: >= 2 })
        {
            v.Add($"{at}.region_pcode", "is required with coordinates: they must lie in the country its P-code starts with");
            return null;
        }

        return v.Coordinates($"{at}.coordinates", coordinates, region[..2]);
    }

    /// <summary>The region a site or a road segment lies in, when given: a region P-code like a district's.</summary>
    private static string? OptionalRegion(RequestValidator v, string at, string? region)
    {
        var given = v.Optional($"{at}.region_pcode", region, 16);
        v.Check(given is null || RegionPattern().IsMatch(given), $"{at}.region_pcode", $"'{given}' is not a region P-code such as ML05");
        return given;
    }

    private static (string Currency, IReadOnlyList<Budget> Budgets) Budgets(RequestValidator v, CodeLists codes, IList<V1.Budget> budgets)
    {
        if (!v.Check(budgets.Count > 0, "project.budgets", "give at least one budget period"))
        {
            return (string.Empty, []);
        }

        var currency = v.CurrencyCode("project.budgets[0].value.currency_code", budgets[0].Value?.CurrencyCode);
        var parsed = new List<Budget>();
        for (var i = 0; i < budgets.Count; i++)
        {
            var at = $"project.budgets[{i}]";
            var b = budgets[i];
            v.Check(b.Value?.CurrencyCode == currency, $"{at}.value.currency_code", $"every budget of a project is in one currency ({currency})");
            MoneyInput.MinorUnits(v, $"{at}.value.minor_units", b.Value?.MinorUnits);
            var start = v.Date($"{at}.period_start", b.PeriodStart);
            var end = v.Date($"{at}.period_end", b.PeriodEnd);
            v.NotBefore($"{at}.period_end", end, $"{at}.period_start", start);
            v.Check(start == default || end == default || end <= start.AddYears(1), $"{at}.period_end", "an IATI budget period is at most one year");
            parsed.Add(new Budget(start, end, b.Value?.MinorUnits ?? 0, b.Revised));
        }

        return (currency, parsed);
    }

    public static IReadOnlyList<BeneficiaryCount> Beneficiaries(RequestValidator v, string field, IList<V1.Beneficiaries> groups)
    {
        var parsed = groups.Select((g, i) =>
        {
            v.Check(g.Targeted >= 0 && g.Reached >= 0, $"{field}[{i}]", "counts must not be negative");
            return new BeneficiaryCount(v.Enum($"{field}[{i}].group", g.Group), g.Targeted, g.Reached);
        }).ToList();
        foreach (var duplicate in parsed.GroupBy(g => g.Group).Where(g => g.Count() > 1))
        {
            v.Add(field, $"{duplicate.Key} is listed more than once");
        }

        return parsed;
    }

    private static Training? Training(RequestValidator v, V1.ProjectKind kind, V1.TrainingWorkshop? training)
    {
        if (kind != V1.ProjectKind.TrainingWorkshop)
        {
            v.Check(training is null, "project.training", "only a training workshop has a training topic and participants");
            return null;
        }

        if (training is null)
        {
            v.Add("project.training", "a training workshop names its topic and participants");
            return null;
        }

        return new Training(v.Enum("project.training.topic", training.Topic),
            Beneficiaries(v, "project.training.participants", training.Participants));
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/]*(-[A-Za-z0-9._/]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex IatiIdentifierPattern();

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[A-Z]{2}[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex DistrictPattern();
}
