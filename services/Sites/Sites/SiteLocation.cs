namespace MissionOps.Sites.Sites;

/// <summary>Where a site stands, by OCHA P-code of one boundary version.</summary>
public sealed record SiteLocation(string RegionPcode, string DistrictPcode, string PcodeVersion, string? Locality);
