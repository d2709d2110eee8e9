using Google.Protobuf.WellKnownTypes;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>Conversions between <c>google.type.Date</c>/<c>Timestamp</c> and .NET dates.</summary>
public static class ProtoDates
{
    public static Google.Type.Date ToProto(this DateOnly date) =>
        new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Google.Type.Date? ToProto(this DateOnly? date) => date?.ToProto();

    public static Timestamp ToProto(this DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    /// <summary>A full calendar date, or null when the message is absent, partial or not a real day.</summary>
    public static DateOnly? ToDateOnly(this Google.Type.Date? date)
    {
        if (date is null || date.Year is < 1 or > 9999 || date.Month < 1 || date.Day < 1)
        {
            return null;
        }

        return date.Month <= 12 && date.Day <= DateTime.DaysInMonth(date.Year, date.Month)
            ? new DateOnly(date.Year, date.Month, date.Day)
            : null;
    }
}
