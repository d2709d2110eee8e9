using System.Security.Claims;

namespace MissionOps.Board.Security;

/// <summary>What the board keeps of its user: who, and the token it calls the services with on their behalf.</summary>
public static class BoardClaims
{
    /// <summary>The user's bearer token for the four services. The board never calls with rights of its own.</summary>
    public const string Token = "missionops_token";

    public static string? TokenOf(ClaimsPrincipal user) => user.FindFirst(Token)?.Value;

    public static string NameOf(ClaimsPrincipal user) =>
        user.FindFirst("name")?.Value ?? user.FindFirst(ClaimTypes.Name)?.Value ?? user.FindFirst("sub")?.Value ?? "?";
}
