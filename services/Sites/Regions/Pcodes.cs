using System.Text.RegularExpressions;

namespace MissionOps.Sites.Regions;

/// <summary>OCHA P-codes: the country's two letters, two digits for a region, two more for a district.</summary>
public static partial class Pcodes
{
    /// <summary>The region code, or empty when it is not valid (so no district is judged against it).</summary>
    public static string Region(RequestValidator v, string field, string? pcode, string countryCode)
    {
        var code = v.Required(field, pcode, 16);
        var valid = code.Length > 0
            && v.Check(RegionPattern().IsMatch(code), field, $"'{code}' is not a region P-code such as ML05")
            && v.Check(countryCode.Length == 0 || code.StartsWith(countryCode, StringComparison.Ordinal), field,
                $"'{code}' is not a P-code of the host country {countryCode}");
        return valid ? code : string.Empty;
    }

    public static string District(RequestValidator v, string field, string? pcode, string regionPcode)
    {
        var code = v.Required(field, pcode, 16);
        if (code.Length > 0 && v.Check(DistrictPattern().IsMatch(code), field, $"'{code}' is not a district P-code such as ML0501"))
        {
            v.Check(regionPcode.Length == 0 || code.StartsWith(regionPcode, StringComparison.Ordinal), field,
                $"'{code}' is not a district of region {regionPcode}");
        }

        return code;
    }

    public static string Version(RequestValidator v, string field, string? version)
    {
        var value = v.Required(field, version, 32);
        v.Check(value.Length == 0 || VersionPattern().IsMatch(value), field, $"'{value}' must be letters, digits, dots, hyphens or underscores");
        return value;
    }

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[A-Z]{2}[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex DistrictPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
