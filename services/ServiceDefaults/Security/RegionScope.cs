using System.Security.Claims;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// The regions of a mission a token is limited to, from its <c>missionops_regions</c> claims
/// (<c>minusma:ML05</c>, a region's P-code, any boundary version). A token with none for the
/// mission sees the whole mission; a token with some reads only what lies in them (sites and
/// what is at them, projects located there) and changes nothing (docs/decisions/0010).
/// </summary>
public sealed class RegionScope
{
    public const string ClaimType = "missionops_regions";

    /// <summary>A feed of every mission (<c>missions/-</c>) is limited by every region the token names, whatever its mission.</summary>
    private const string AllMissions = "-";

    private static readonly AsyncLocal<RegionScope?> Call = new();

    private RegionScope(IReadOnlySet<string> regions) => Regions = regions;

    /// <summary>The region P-codes, upper case.</summary>
    public IReadOnlySet<string> Regions { get; }

    /// <summary>The scope of the call being served, for the mission its request names; null when the caller sees the whole mission.</summary>
    public static RegionScope? Current
    {
        get => Call.Value;
        set => Call.Value = value;
    }

    /// <summary>The caller's scope in a mission, or null for the whole mission.</summary>
    public static RegionScope? Of(ClaimsPrincipal user, string? missionId)
    {
        var regions = user.FindAll(ClaimType).Select(c => c.Value.Split(':', 2)).Where(p => p.Length == 2
                && (p[0] == missionId || p[0] == MissionRoles.AnyMission || missionId is null or AllMissions))
            .Select(p => p[1].Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        return regions.Count == 0 ? null : new RegionScope(regions);
    }

    /// <summary>True when the region (<c>ML05</c>) or district (<c>ML0506</c>) P-code lies in the scope.</summary>
    public bool Includes(string? pcode) =>
        !string.IsNullOrEmpty(pcode) && Regions.Any(r => pcode.StartsWith(r, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the caller of the current call may see something in this region or district: always, unless scoped.</summary>
    public static bool Allows(string? pcode) => Current is not { } scope || scope.Includes(pcode);
}
