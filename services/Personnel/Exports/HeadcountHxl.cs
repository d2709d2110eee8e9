using MissionOps.Personnel.Headcount;
using MissionOps.ServiceDefaults.Exports;
using Site = MissionOps.Sites.V1.Site;

namespace MissionOps.Personnel.Exports;

/// <summary>
/// The headcount export's columns, in the order and with the hashtags the contract lists (the
/// comment on ExportHeadcountHxlResponse.csv). HXL has no hashtag for a component or a category
/// of personnel, so they are extension hashtags (<c>#x_</c>); the count is <c>#population</c>
/// refined by <c>+personnel</c>, so that tools can keep it apart from an area's population.
/// </summary>
public static class HeadcountHxl
{
    /// <summary>A headcount line with the site as Sites describes it (null when Sites does not know it).</summary>
    public sealed record Row(string MissionId, DateOnly Day, bool Forecast, HeadcountLine Line, Site? Site);

    public static readonly IReadOnlyList<HxlColumn<Row>> Columns =
    [
        new("Mission", "#org+code", r => r.MissionId),
        new("Date", "#date", r => HxlValues.Day(r.Day)),
        new("Forecast", "#meta+forecast", r => HxlValues.Flag(r.Forecast)),
        new("Site", "#loc+code", r => r.Line.Site.Split('/')[^1]),
        new("Site name (EN)", "#loc+name+i_en", r => r.Site?.DisplayName.En),
        new("Site name (FR)", "#loc+name+i_fr", r => r.Site?.DisplayName.Fr),
        new("Region P-code", "#adm1+code", r => r.Site?.Location.RegionPcode),
        new("District P-code", "#adm2+code", r => r.Site?.Location.DistrictPcode),
        new("Component", "#x_component+code", r => HxlValues.Code(r.Line.Component)),
        new("Category", "#x_category+code", r => HxlValues.Code(r.Line.Category)),
        new("People", "#population+num+personnel", r => r.Line.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>The file: the headcount's lines in their order, each with its site's names and P-codes.</summary>
    public static string Write(string missionId, DateOnly day, bool forecast, IReadOnlyList<HeadcountLine> lines, IReadOnlyList<Site> sites)
    {
        var byName = sites.ToDictionary(s => s.Name, StringComparer.Ordinal);
        return HxlCsv.Write(Columns, lines.Select(l => new Row(missionId, day, forecast, l, byName.GetValueOrDefault(l.Site))));
    }
}
