using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.ServiceDefaults.Http;

/// <summary>Who signed a link, as much of their token as the file's RPC needs: subject, mission roles, region scope, partner.</summary>
public sealed record LinkSigner(string Subject, IReadOnlyList<string> Roles, IReadOnlyList<string> Regions, string? Partner);

/// <summary>
/// Links that let a program without a token (the HXL Proxy) fetch one file as its signer could, until they expire: the signer
/// and the file's path protected by the service's Data Protection key ring, so that a changed link or an expired one reads nothing.
/// </summary>
public sealed class SignedLinks(IDataProtectionProvider provider, TimeProvider clock)
{
    public const string Parameter = "signature";

    public const string ExpiresParameter = "expires";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(24);

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("MissionOps.Http.SignedLinks.v1").ToTimeLimitedDataProtector();

    public static LinkSigner SignerOf(ClaimsPrincipal user) => new(user.FindFirst("sub")?.Value ?? "unknown",
        user.FindAll(MissionRoles.ClaimType).Select(c => c.Value).ToList(), user.FindAll(RegionScope.ClaimType).Select(c => c.Value).ToList(),
        user.FindFirst("partner")?.Value);

    /// <summary>The query that signs <paramref name="path"/> for <paramref name="signer"/> until the time returned.</summary>
    public (string Query, DateTimeOffset Expires) Sign(string path, LinkSigner signer, TimeSpan lifetime)
    {
        var expires = clock.GetUtcNow() + lifetime;
        expires = DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds());
        var signature = _protector.Protect(JsonSerializer.Serialize(new SignedPath(path, signer)), expires);
        return ($"{ExpiresParameter}={expires.ToUnixTimeSeconds()}&{Parameter}={signature}", expires);
    }

    /// <summary>The signer of a link to <paramref name="path"/>, or why the link reads nothing.</summary>
    public (LinkSigner? Signer, string? Refusal) Open(string path, string signature, string? expires)
    {
        try
        {
            var signed = JsonSerializer.Deserialize<SignedPath>(_protector.Unprotect(signature, out _));
            return signed is not null && signed.Path == path
                ? (signed.Signer, null)
                : (null, "The signed link was made for another file.");
        }
        catch (CryptographicException)
        {
            // The expiry in clear only names the reason: changing it changes no signature.
            return long.TryParse(expires, out var seconds) && DateTimeOffset.FromUnixTimeSeconds(seconds) <= clock.GetUtcNow()
                ? (null, $"The signed link expired at {DateTimeOffset.FromUnixTimeSeconds(seconds):O}; ask for a new one.")
                : (null, "The signed link was altered or was not signed by this service; ask for a new one.");
        }
    }

    private sealed record SignedPath(string Path, LinkSigner Signer);
}
