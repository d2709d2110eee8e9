using MissionOps.Sites.Closure;
using MissionOps.Sites.Handover;
using MissionOps.Sites.LeftWithoutHandover;
using MissionOps.Sites.Regions;
using V1 = MissionOps.Sites.V1;

namespace MissionOps.Sites.Sites;

public static class SiteMapping
{
    public static V1.Site ToProto(this Site site) => new()
    {
        Name = site.Name,
        DisplayName = site.DisplayName.ToProto(),
        Kind = site.Kind,
        State = site.State,
        Location = new V1.SiteLocation
        {
            RegionPcode = site.Location.RegionPcode,
            DistrictPcode = site.Location.DistrictPcode,
            PcodeVersion = site.Location.PcodeVersion,
            Locality = site.Location.Locality ?? string.Empty,
            Coordinates = site.Location.Coordinates?.ToProto(),
        },
        OpeningDate = site.OpeningDate.ToProto(),
        ClosingDate = site.ClosingDate.ToProto(),
        ReplacedBy = site.ReplacedBy ?? string.Empty,
        ClosurePlan = site.DrawdownPhaseId is null ? null : new V1.ClosurePlan
        {
            DrawdownPhase = PhaseName(site.MissionId, site.DrawdownPhaseId),
            PlannedClosureDate = site.PlannedClosureDate.ToProto(),
        },
        ClosureSteps = { site.ClosureSteps.Select(s => s.ToProto()) },
        Closure = site.Closure?.ToProto(),
        Handover = site.Handover?.ToProto(),
        CreateTime = site.CreateTime.ToProto(),
        UpdateTime = site.UpdateTime.ToProto(),
        Etag = site.Etag,
        LeftWithoutHandover = site.LeftWithoutHandover?.ToProto(),
    };

    public static string PhaseName(string missionId, string phaseId) => $"missions/{missionId}/drawdownPhases/{phaseId}";

    public static SiteLocation ParseLocation(RequestValidator v, string field, V1.SiteLocation? location, string countryCode)
    {
        if (location is null)
        {
            v.Add(field, "is required");
            return new SiteLocation(string.Empty, string.Empty, string.Empty, null);
        }

        var region = Pcodes.Region(v, $"{field}.region_pcode", location.RegionPcode, countryCode);
        var point = v.Coordinates($"{field}.coordinates", location.Coordinates, countryCode);
        return new SiteLocation(
            region,
            Pcodes.District(v, $"{field}.district_pcode", location.DistrictPcode, region),
            Pcodes.Version(v, $"{field}.pcode_version", location.PcodeVersion),
            v.Optional($"{field}.locality", location.Locality, 200),
            point?.Latitude,
            point?.Longitude);
    }

    /// <summary>The codes must name a region recorded for the mission, in that version, and one of its districts.</summary>
    public static void CheckAgainst(RequestValidator v, string field, SiteLocation location, Region? region)
    {
        if (location.RegionPcode.Length == 0 || location.PcodeVersion.Length == 0)
        {
            return;
        }

        if (region is null)
        {
            v.Add($"{field}.region_pcode",
                $"{location.RegionPcode} (P-code version {location.PcodeVersion}) is not a region recorded for this mission");
        }
        else if (location.DistrictPcode.Length > 0 && !region.HasDistrict(location.DistrictPcode))
        {
            v.Add($"{field}.district_pcode",
                $"{location.DistrictPcode} is not a district of {region.Pcode} in P-code version {region.PcodeVersion}");
        }
    }
}
