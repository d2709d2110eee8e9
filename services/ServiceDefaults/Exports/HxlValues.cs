using System.Globalization;
using System.Text.RegularExpressions;

namespace MissionOps.ServiceDefaults.Exports;

/// <summary>How values are written in the HXL exports, the same in every service.</summary>
public static partial class HxlValues
{
    /// <summary>An ISO 8601 day (<c>2023-12-08</c>), the form HXL prefers for <c>#date</c>.</summary>
    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A contract enum value as a lower-case code (<c>SiteState.ClosurePlanned</c>: <c>closure_planned</c>),
    /// the contract's own name without its prefix, so partners can map it from the proto.
    /// </summary>
    public static string Code<TEnum>(TEnum value) where TEnum : struct, Enum =>
        WordStart().Replace(value.ToString(), "_$1").ToLowerInvariant();

    public static string Flag(bool value) => value ? "true" : "false";

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}
