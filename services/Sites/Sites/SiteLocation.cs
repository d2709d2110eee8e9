namespace MissionOps.Sites.Sites;

/// <summary>Where a site stands, by OCHA P-code of one boundary version, and by its point when known.</summary>
public sealed record SiteLocation(string RegionPcode, string DistrictPcode, string PcodeVersion, string? Locality,
    double? Latitude = null, double? Longitude = null)
{
    public GeoPoint? Coordinates => Latitude is { } latitude && Longitude is { } longitude ? new GeoPoint(latitude, longitude) : null;
}
