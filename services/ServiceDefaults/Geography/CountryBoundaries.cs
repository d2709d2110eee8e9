using System.Collections.Concurrent;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;

namespace MissionOps.ServiceDefaults.Geography;

/// <summary>
/// Each country's land, from the boundary files shipped in this assembly (Geography/Countries, Natural Earth at 1:10m,
/// thinned to about 1 km). A country is read the first time it is asked for and kept, prepared for point tests.
/// </summary>
public static class CountryBoundaries
{
    /// <summary>How far outside the drawn boundary a point still counts as inside: the boundaries are generalised.</summary>
    public const double ToleranceDegrees = 0.05;

    private static readonly ConcurrentDictionary<string, Lazy<Country?>> Countries = new(StringComparer.Ordinal);
    private static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    /// <summary>True when the point lies in the country (within the tolerance); null when no boundary of the country is known.</summary>
    public static bool? Contains(string countryCode, GeoPoint point)
    {
        if (Find(countryCode) is not { } country)
        {
            return null;
        }

        var at = Factory.CreatePoint(new Coordinate(point.Longitude, point.Latitude));
        return country.Prepared.Covers(at) || country.Land.IsWithinDistance(at, ToleranceDegrees);
    }

    private static Country? Find(string countryCode) =>
        countryCode.Length == 2
            ? Countries.GetOrAdd(countryCode.ToUpperInvariant(), code => new Lazy<Country?>(() => Read(code))).Value
            : null;

    private static Country? Read(string code)
    {
        using var stream = typeof(CountryBoundaries).Assembly.GetManifestResourceStream($"Countries.{code}.geojson");
        if (stream is null)
        {
            return null;
        }

        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Factory));
        var land = JsonSerializer.Deserialize<IFeature>(stream, options)?.Geometry
            ?? throw new InvalidDataException($"Countries.{code}.geojson holds no geometry");
        return new Country(land, PreparedGeometryFactory.Prepare(land));
    }

    private sealed record Country(Geometry Land, IPreparedGeometry Prepared);
}
