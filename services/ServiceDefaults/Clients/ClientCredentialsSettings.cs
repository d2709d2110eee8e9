using Microsoft.Extensions.Configuration;
using MissionOps.Client.Tokens;

namespace MissionOps.ServiceDefaults.Clients;

/// <summary>
/// Production: the service is a confidential client of the OpenID Connect authority, <c>Auth:Authority</c>,
/// <c>Auth:ClientId</c> and <c>Auth:ClientSecret</c>, and takes its tokens for the services it calls by the client
/// credentials grant of MissionOps.Client. The authority must put the called service's audience and the
/// <c>*:service</c> role in them (see docs/decisions/0006). The scope asked for a service is its audience
/// (<c>missionops.personnel</c>) unless <c>Auth:Scopes:{audience}</c> names another.
/// </summary>
public static class ClientCredentialsSettings
{
    public const string HttpClientName = "missionops-identity";

    public static ClientCredentials? From(IConfigurationSection auth)
    {
        if (string.IsNullOrEmpty(auth["Authority"]) || string.IsNullOrEmpty(auth["ClientId"]))
        {
            return null;
        }

        return new ClientCredentials(new Uri(auth["Authority"]!), auth["ClientId"]!,
            auth["ClientSecret"] ?? throw new InvalidOperationException("Auth:ClientSecret must be set with Auth:ClientId."))
        {
            RequireHttps = auth.GetValue("RequireHttpsMetadata", true),
            Scopes = auth.GetSection("Scopes").GetChildren().ToDictionary(s => s.Key, s => s.Value ?? string.Empty),
        };
    }
}
