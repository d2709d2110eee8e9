using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;

namespace MissionOps.ServiceDefaults.Clients;

/// <summary>
/// Production: the service is a confidential client of the OpenID Connect authority and takes
/// tokens by the client credentials grant, one scope per service it calls. The authority must
/// put that service's audience and the <c>*:service</c> role in them (see docs/decisions/0006).
/// </summary>
public sealed partial class ClientCredentialsServiceIdentity(
    IHttpClientFactory httpClients,
    ClientCredentialsSettings settings,
    TimeProvider clock,
    ILogger<ClientCredentialsServiceIdentity> logger) : ServiceIdentity(clock)
{
    public const string HttpClientName = "missionops-identity";

    private readonly DiscoveryCache _discovery = new(settings.Authority, () => httpClients.CreateClient(HttpClientName),
        new DiscoveryPolicy { RequireHttps = settings.RequireHttps });

    protected override async Task<(string Token, TimeSpan Lifetime)> AcquireAsync(string audience, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var discovery = await _discovery.GetAsync();
        if (discovery.IsError)
        {
            _discovery.Refresh();
            throw Refused("its discovery document could not be read", discovery.Error, discovery.Exception);
        }

        using var http = httpClients.CreateClient(HttpClientName);
        var response = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = settings.ClientId,
            ClientSecret = settings.ClientSecret,
            Scope = settings.ScopeFor(audience),
        }, cancellationToken);
        if (response.IsError || string.IsNullOrEmpty(response.AccessToken))
        {
            throw Refused($"the token request for {audience} failed", response.Error ?? "no access token", response.Exception);
        }

        return (response.AccessToken, TimeSpan.FromSeconds(Math.Max(response.ExpiresIn, 60)));
    }

    private ServiceIdentityUnavailableException Refused(string what, string? error, Exception? inner)
    {
        LogRefused(logger, settings.Authority, settings.ClientId, what, error);
        return new ServiceIdentityUnavailableException($"The authority {settings.Authority} gave client {settings.ClientId} no token: {what} ({error}).", inner);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The authority {Authority} gave client {ClientId} no token: {What} ({Error}).")]
    private static partial void LogRefused(ILogger logger, string authority, string clientId, string what, string? error);
}
