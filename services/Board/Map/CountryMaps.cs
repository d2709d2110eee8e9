using System.Collections.Concurrent;
using System.Text.Json;
using MissionOps.Common.V1;

namespace MissionOps.Board.Map;

/// <summary>A first-level region of a host country: its P-code, its names and its outline (rings of longitude, latitude).</summary>
public sealed record MapRegion(string Pcode, LocalizedText Name, IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Rings)
{
    /// <summary>Where the region's label and marks go: the middle of its largest ring's points.</summary>
    public (double Lon, double Lat) Centre
    {
        get
        {
            var ring = Rings.MaxBy(r => r.Count)!;
            return (ring.Average(p => p.Lon), ring.Average(p => p.Lat));
        }
    }
}

/// <summary>The host countries' boundaries shipped with the board (Map/README.md), read once each from the assembly.</summary>
public static class CountryMaps
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<MapRegion>?> Loaded = new();

    /// <summary>The regions of a country by its ISO 3166-1 alpha-2 code, or null when the board has no boundaries for it.</summary>
    public static IReadOnlyList<MapRegion>? Of(string countryCode) => Loaded.GetOrAdd(countryCode.ToUpperInvariant(), Load);

    private static IReadOnlyList<MapRegion>? Load(string countryCode)
    {
        using var stream = typeof(CountryMaps).Assembly.GetManifestResourceStream($"Map.{countryCode}.geojson");
        if (stream is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(stream);
        return [.. document.RootElement.GetProperty("features").EnumerateArray().Select(Region)];
    }

    private static MapRegion Region(JsonElement feature)
    {
        var properties = feature.GetProperty("properties");
        var geometry = feature.GetProperty("geometry");
        var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
            ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
            : [geometry.GetProperty("coordinates")];
        var rings = polygons.SelectMany(polygon => polygon.EnumerateArray())
            .Select(ring => (IReadOnlyList<(double, double)>)[.. ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))])
            .ToList();
        return new MapRegion(properties.GetProperty("pcode").GetString()!,
            new LocalizedText { En = properties.GetProperty("name_en").GetString(), Fr = properties.GetProperty("name_fr").GetString() }, rings);
    }
}
