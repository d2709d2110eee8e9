using MissionOps.Board.Map;

namespace MissionOps.Board.Components.Charts;

/// <summary>Longitude and latitude to the drawing: equirectangular, narrowed by the cosine of the middle latitude, 10 units of margin.</summary>
public sealed record MapProjection(double MinLon, double MaxLat, double Scale, double Narrowing, double Height)
{
    public static MapProjection For(IReadOnlyList<MapRegion> regions, double width)
    {
        var points = regions.SelectMany(r => r.Rings).SelectMany(r => r).ToList();
        double minLon = points.Min(p => p.Lon), maxLon = points.Max(p => p.Lon), minLat = points.Min(p => p.Lat), maxLat = points.Max(p => p.Lat);
        var narrowing = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var scale = (width - 20) / ((maxLon - minLon) * narrowing);
        return new MapProjection(minLon, maxLat, scale, narrowing, (maxLat - minLat) * scale + 20);
    }

    public (double X, double Y) Point((double Lon, double Lat) p) => (10 + (p.Lon - MinLon) * Narrowing * Scale, 10 + (MaxLat - p.Lat) * Scale);

    public (double X, double Y) Point(Google.Type.LatLng p) => Point((p.Longitude, p.Latitude));

    public string Path(MapRegion region) => string.Join(' ', region.Rings.Select(ring =>
        "M" + string.Join(" L", ring.Select(p => Point(p)).Select(p => $"{TimeScale.N(p.X)} {TimeScale.N(p.Y)}")) + " Z"));
}
