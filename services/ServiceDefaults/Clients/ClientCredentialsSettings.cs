using Microsoft.Extensions.Configuration;

namespace MissionOps.ServiceDefaults.Clients;

/// <summary>
/// The service's client at the authority, from <c>Auth:ClientId</c> and <c>Auth:ClientSecret</c>.
/// The scope asked for a service is its audience (<c>missionops.personnel</c>) unless
/// <c>Auth:Scopes:{audience}</c> names another (such as <c>api://missionops-personnel/.default</c>).
/// </summary>
public sealed record ClientCredentialsSettings(string Authority, string ClientId, string ClientSecret, bool RequireHttps,
    IReadOnlyDictionary<string, string> Scopes)
{
    public string ScopeFor(string audience) => Scopes.TryGetValue(audience, out var scope) ? scope : audience;

    public static ClientCredentialsSettings? From(IConfigurationSection auth)
    {
        if (string.IsNullOrEmpty(auth["Authority"]) || string.IsNullOrEmpty(auth["ClientId"]))
        {
            return null;
        }

        return new ClientCredentialsSettings(
            auth["Authority"]!,
            auth["ClientId"]!,
            auth["ClientSecret"] ?? throw new InvalidOperationException("Auth:ClientSecret must be set with Auth:ClientId."),
            auth.GetValue("RequireHttpsMetadata", true),
            auth.GetSection("Scopes").GetChildren().ToDictionary(s => s.Key, s => s.Value ?? string.Empty));
    }
}
