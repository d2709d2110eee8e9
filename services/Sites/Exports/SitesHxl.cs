using System.Globalization;
using MissionOps.ServiceDefaults.Exports;
using MissionOps.Sites.Missions;
using MissionOps.Sites.Regions;

namespace MissionOps.Sites.Exports;

/// <summary>
/// The sites export's columns, in the order and with the hashtags the contract lists (the comment
/// on ExportSitesHxlResponse.csv). Hashtags and attributes are HXL 1.1's where the dictionary has
/// them; <c>+planned</c>, <c>+actual</c>, <c>+handover</c>, <c>+recipient</c> and <c>+pcode_version</c>
/// refine them, as HXL lets any attribute do.
/// </summary>
public static class SitesHxl
{
    public sealed record Row(Mission Mission, SiteOnDay Day, Region? Region, District? District);

    public static readonly IReadOnlyList<HxlColumn<Row>> Columns =
    [
        new("Mission", "#org+code", r => r.Mission.Id),
        new("Site", "#loc+code", r => r.Day.Site.Id),
        new("Site name (EN)", "#loc+name+i_en", r => r.Day.Site.DisplayName.En),
        new("Site name (FR)", "#loc+name+i_fr", r => r.Day.Site.DisplayName.Fr),
        new("Kind", "#loc+type", r => HxlValues.Code(r.Day.Site.Kind)),
        new("Country", "#country+code", r => r.Mission.HostCountryCode),
        new("Region P-code", "#adm1+code", r => r.Day.Site.Location.RegionPcode),
        new("Region (EN)", "#adm1+name+i_en", r => r.Region?.DisplayName.En),
        new("Region (FR)", "#adm1+name+i_fr", r => r.Region?.DisplayName.Fr),
        new("District P-code", "#adm2+code", r => r.Day.Site.Location.DistrictPcode),
        new("District (EN)", "#adm2+name+i_en", r => r.District?.DisplayName.En),
        new("District (FR)", "#adm2+name+i_fr", r => r.District?.DisplayName.Fr),
        new("P-code version", "#meta+pcode_version", r => r.Day.Site.Location.PcodeVersion),
        new("Status", "#status+code", r => HxlValues.Code(r.Day.State)),
        new("Drawdown phase", "#activity+code", r => r.Day.Planned ? r.Day.Site.DrawdownPhaseId : null),
        new("Opened", "#date+start", r => HxlValues.Day(r.Day.Site.OpeningDate)),
        new("Closure planned", "#date+end+planned", r => r.Day.Planned ? HxlValues.Day(r.Day.Site.PlannedClosureDate) : null),
        new("Closed", "#date+end+actual", r => HxlValues.Day(r.Day.ClosingDate)),
        new("Handed over", "#date+handover", r => HxlValues.Day(r.Day.Handover?.CeremonyDate)),
        new("Handed over to (EN)", "#org+name+recipient+i_en", r => r.Day.Handover?.Recipient.DisplayName.En),
        new("Handed over to (FR)", "#org+name+recipient+i_fr", r => r.Day.Handover?.Recipient.DisplayName.Fr),
        new("Replaced by", "#loc+code+dest", r => r.Day.Site.ReplacedBy?.Split('/')[^1]),
        new("Left without handover", "#status+left", r => r.Day.Left is { } left ? HxlValues.Code(left.Circumstance) : null),
        new("Board reference", "#meta+ref+board", r => r.Day.Left?.BoardReference),
        new("Latitude", "#geo+lat", r => r.Day.Site.Location.Latitude?.ToString(CultureInfo.InvariantCulture)),
        new("Longitude", "#geo+lon", r => r.Day.Site.Location.Longitude?.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>The file, one row per site, each with its region and district as recorded for its P-code version.</summary>
    public static string Write(Mission mission, IReadOnlyList<Region> regions, IEnumerable<SiteOnDay> sites) =>
        HxlCsv.Write(Columns, sites.Select(day =>
        {
            var location = day.Site.Location;
            var region = regions.FirstOrDefault(r => r.Pcode == location.RegionPcode && r.PcodeVersion == location.PcodeVersion);
            return new Row(mission, day, region, region?.Districts.FirstOrDefault(d => d.Pcode == location.DistrictPcode));
        }));
}
