using MissionOps.Common.V1;

namespace MissionOps.ServiceDefaults.DemoData;

/// <summary>Short ways to write the contract's values in demo data.</summary>
public static class DemoValues
{
    public static LocalizedText Text(string en, string fr) => new() { En = en, Fr = fr };

    public static Google.Type.Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Google.Type.Date Day(DateOnly day) => Day(day.Year, day.Month, day.Day);

    /// <summary>A point of a town, to two decimals (about 1 km): the demo places the locality, not a camp's gate.</summary>
    public static Geography.GeoPoint At(double latitude, double longitude) => new(latitude, longitude);

    public static DocumentReference Document(LocalizedText title, string reference, DateOnly signed, params string[] signedBy) => new()
    {
        Title = title,
        Reference = reference,
        SignedDate = Day(signed),
        SignedBy = { signedBy },
    };
}
