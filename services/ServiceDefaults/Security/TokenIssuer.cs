using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// Signs development tokens with the key the AppHost holds (<c>Auth:SigningKey</c>): for the
/// services' own identity between themselves, the project's token command, and the tests. In
/// production tokens come from the OpenID Connect authority instead.
/// </summary>
public sealed class TokenIssuer(string signingKey, string issuer = TokenIssuer.DevelopmentIssuer)
{
    public const string DevelopmentIssuer = "missionops-dev";

    private readonly SymmetricSecurityKey _key = new(Convert.FromBase64String(signingKey));

    public static string AudienceOf(string service) => $"missionops.{service}";

    /// <summary>The subject of a service's own tokens, as it calls another or follows a feed: <c>service:sites</c>.</summary>
    public static string SubjectOf(string service) => $"service:{service}";

    public static string NewSigningKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public SecurityKey Key => _key;

    public string Issuer => issuer;

    /// <summary>
    /// A token for <paramref name="audiences"/>, holding the given mission roles (<c>minusma:viewer</c>), limited to the
    /// given mission regions when there are any (<c>minusma:ML05</c>).
    /// </summary>
    public string Issue(string subject, IEnumerable<string> audiences, IEnumerable<string> missionRoles, TimeSpan lifetime,
        string? partner = null, DateTimeOffset? now = null, IEnumerable<string>? missionRegions = null)
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject) };
        claims.AddRange(missionRoles.Select(r => new Claim(MissionRoles.ClaimType, r)));
        claims.AddRange(audiences.Select(a => new Claim(JwtRegisteredClaimNames.Aud, a)));
        claims.AddRange((missionRegions ?? []).Select(r => new Claim(RegionScope.ClaimType, r)));
        if (partner is not null)
        {
            claims.Add(new Claim("partner", partner));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }
}
