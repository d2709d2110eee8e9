using System.Globalization;
using MissionOps.ServiceDefaults.Geography;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>Coordinates, checked on the earth and in the country they belong to.</summary>
public sealed partial class RequestValidator
{
    /// <summary>
    /// Absent is fine. Present, the latitude and longitude must be degrees on the earth and the point must lie in
    /// <paramref name="countryCode"/> (see <see cref="CountryBoundaries"/>); each refusal names the field.
    /// </summary>
    public GeoPoint? Coordinates(string field, Google.Type.LatLng? value, string countryCode)
    {
        if (value is null)
        {
            return null;
        }

        var onEarth = Check(double.IsFinite(value.Latitude) && value.Latitude is >= -90 and <= 90, $"{field}.latitude",
            string.Create(CultureInfo.InvariantCulture, $"{value.Latitude} is not a latitude in degrees, from -90 to 90"));
        onEarth &= Check(double.IsFinite(value.Longitude) && value.Longitude is >= -180 and <= 180, $"{field}.longitude",
            string.Create(CultureInfo.InvariantCulture, $"{value.Longitude} is not a longitude in degrees, from -180 to 180"));
        if (!onEarth || countryCode.Length == 0)
        {
            return null;
        }

        var point = new GeoPoint(value.Latitude, value.Longitude);
        switch (CountryBoundaries.Contains(countryCode, point))
        {
            case null:
                Add(field, $"no boundary of {countryCode} is known to check the point against");
                return null;
            case false:
                Add(field, string.Create(CultureInfo.InvariantCulture, $"({point.Latitude}, {point.Longitude}) lies outside {countryCode}, the host country"));
                return null;
            default:
                return point;
        }
    }
}
