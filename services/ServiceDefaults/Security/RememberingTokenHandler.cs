using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// The bearer token handler, remembering each token it found valid until the token expires. A caller sends the same
/// token with every call of its lifetime; checking its signature and claims again each time was a sixth of the work of
/// a point read. Only a valid token is remembered, under its exact text, so an altered one is checked in full; its
/// expiry is read on the wall clock, as the handler's own lifetime check reads it.
/// </summary>
public sealed class RememberingTokenHandler : JsonWebTokenHandler, IDisposable
{
    /// <summary>Tokens remembered at most: a bound on memory however many callers there are.</summary>
    public const int Capacity = 10_000;

    private readonly MemoryCache _valid = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_valid.TryGetValue(token, out TokenValidationResult? known) && known!.SecurityToken.ValidTo > DateTime.UtcNow)
        {
            return known;
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken.ValidTo > DateTime.UtcNow)
        {
            _valid.Set(token, result, new MemoryCacheEntryOptions { AbsoluteExpiration = result.SecurityToken.ValidTo, Size = 1 });
        }

        return result;
    }

    public void Dispose() => _valid.Dispose();
}
