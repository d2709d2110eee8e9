using V1 = MissionOps.Sites.V1;

namespace MissionOps.Sites.Regions;

public static class RegionMapping
{
    public static V1.Region ToProto(this Region region) => new()
    {
        Name = region.Name,
        Pcode = region.Pcode,
        PcodeVersion = region.PcodeVersion,
        DisplayName = region.DisplayName.ToProto(),
        Districts = { region.Districts.Select(d => new V1.District { Pcode = d.Pcode, DisplayName = d.DisplayName.ToProto() }) },
        CreateTime = region.CreateTime.ToProto(),
    };

    public static Region Parse(RequestValidator v, string missionId, string countryCode, V1.Region? region, DateTimeOffset now)
    {
        if (region is null)
        {
            v.Add("region", "is required");
            v.ThrowIfInvalid();
        }

        var pcode = Pcodes.Region(v, "region.pcode", region!.Pcode, countryCode);
        var version = Pcodes.Version(v, "region.pcode_version", region.PcodeVersion);
        var displayName = v.Bilingual("region.display_name", region.DisplayName);
        var districts = region.Districts.Select((d, i) => new District(
            Pcodes.District(v, $"region.districts[{i}].pcode", d.Pcode, pcode),
            v.Bilingual($"region.districts[{i}].display_name", d.DisplayName))).ToList();
        foreach (var duplicate in districts.GroupBy(d => d.Pcode).Where(g => g.Count() > 1))
        {
            v.Add("region.districts", $"{duplicate.Key} is listed more than once");
        }

        return Region.Create(missionId, pcode, version, displayName, districts, now);
    }
}
