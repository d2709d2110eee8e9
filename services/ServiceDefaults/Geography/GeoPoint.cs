namespace MissionOps.ServiceDefaults.Geography;

/// <summary>A place on the earth in WGS 84 degrees, as <c>google.type.LatLng</c> carries it.</summary>
public sealed record GeoPoint(double Latitude, double Longitude)
{
    public Google.Type.LatLng ToProto() => new() { Latitude = Latitude, Longitude = Longitude };
}
