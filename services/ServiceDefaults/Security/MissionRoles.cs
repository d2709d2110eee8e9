using System.Runtime.CompilerServices;
using System.Security.Claims;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// The caller's roles, each for one mission (<c>minusma:planner</c>) or for every mission
/// (<c>*:service</c>, the identity services use between themselves), from the token's
/// <c>missionops_roles</c> claims.
/// </summary>
public static class MissionRoles
{
    public const string ClaimType = "missionops_roles";
    public const string AnyMission = "*";

    public const string Viewer = "viewer";
    public const string Planner = "planner";
    public const string Approver = "approver";
    public const string Administrator = "administrator";
    public const string Service = "service";

    /// <summary>Reads, personal data included, and changes nothing: people with a need to know who are not planners.</summary>
    public const string Personnel = "personnel";

    public static readonly IReadOnlyList<string> All = [Viewer, Personnel, Planner, Approver, Administrator, Service];

    /// <summary>
    /// What each role may do; a service identity only reads, so a call between services never widens anyone's rights.
    /// A viewer reads aggregates and no individual (docs/decisions/0010).
    /// </summary>
    public static bool Grants(string role, Access access) => role switch
    {
        Administrator => true,
        Planner => access is Access.Read or Access.ReadPersonal or Access.Plan,
        Approver => access is Access.Read or Access.ReadPersonal or Access.Approve,
        Personnel or Service => access is Access.Read or Access.ReadPersonal,
        Viewer => access == Access.Read,
        _ => false,
    };

    /// <summary>
    /// The caller's roles, read once per identity: a token's identity is kept while the token is valid
    /// (<see cref="RememberingTokenHandler"/>), so each call of its lifetime finds them read.
    /// </summary>
    public static IReadOnlyList<(string Mission, string Role)> Of(ClaimsPrincipal user) =>
        user.Identities.Count() == 1 ? Read.GetValue(user.Identities.First(), identity => Parse(identity.FindAll(ClaimType))) : Parse(user.FindAll(ClaimType));

    private static readonly ConditionalWeakTable<ClaimsIdentity, (string Mission, string Role)[]> Read = new();

    private static (string Mission, string Role)[] Parse(IEnumerable<Claim> claims) =>
        [.. claims.Select(c => c.Value.Split(':', 2)).Where(p => p.Length == 2).Select(p => (p[0], p[1]))];

    /// <summary>True when one of the caller's roles for the mission (or for every mission) allows the access.</summary>
    public static bool Allows(ClaimsPrincipal user, string missionId, Access access) =>
        Of(user).Any(r => (r.Mission == missionId || r.Mission == AnyMission) && Grants(r.Role, access));

    /// <summary>The missions the caller may read, or null for every mission.</summary>
    public static IReadOnlySet<string>? ReadableMissions(ClaimsPrincipal user)
    {
        var roles = Of(user).Where(r => Grants(r.Role, Access.Read)).ToList();
        return roles.Any(r => r.Mission == AnyMission) ? null : roles.Select(r => r.Mission).ToHashSet(StringComparer.Ordinal);
    }
}
