namespace MissionOps.Client.Tokens;

/// <summary>
/// A confidential client of the mission's OpenID Connect authority. The scope asked for a service is its audience
/// (<c>missionops.personnel</c>) unless <see cref="Scopes"/> names another (<c>api://missionops-personnel/.default</c>).
/// </summary>
public sealed record ClientCredentials(Uri Authority, string ClientId, string ClientSecret)
{
    /// <summary>The authority's discovery document and token endpoint must be HTTPS; off only for a development authority.</summary>
    public bool RequireHttps { get; init; } = true;

    public IReadOnlyDictionary<string, string> Scopes { get; init; } = new Dictionary<string, string>();

    public string ScopeFor(string audience) => Scopes.TryGetValue(audience, out var scope) ? scope : audience;
}
