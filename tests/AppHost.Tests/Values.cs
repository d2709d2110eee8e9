using MissionOps.Common.V1;
using Date = Google.Type.Date;

namespace MissionOps.AppHost.Tests;

/// <summary>The values the end-to-end scenarios write their requests with.</summary>
public static class Values
{
    public static string Id() => Guid.NewGuid().ToString();

    public static LocalizedText Text(string en, string fr) => new() { En = en, Fr = fr };

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
