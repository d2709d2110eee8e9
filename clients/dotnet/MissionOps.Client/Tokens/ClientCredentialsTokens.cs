using Duende.IdentityModel.Client;

namespace MissionOps.Client.Tokens;

/// <summary>
/// Tokens by the OAuth 2.0 client credentials grant, one scope per service called, from the token endpoint the
/// authority's discovery document names. A refusal throws <see cref="TokenUnavailableException"/>, which a call
/// surfaces as its status's debug exception.
/// </summary>
public sealed class ClientCredentialsTokens : AccessTokens
{
    private readonly ClientCredentials _client;
    private readonly Func<HttpClient> _http;
    private readonly DiscoveryCache _discovery;

    /// <param name="client">The client at the authority.</param>
    /// <param name="http">The HTTP client to reach the authority with, made anew for each request (an <c>IHttpClientFactory</c>'s); a shared one by default.</param>
    /// <param name="clock">The clock the tokens' lifetimes are counted by.</param>
    public ClientCredentialsTokens(ClientCredentials client, Func<HttpClient>? http = null, TimeProvider? clock = null)
        : base(clock)
    {
        _client = client;
        var shared = new Lazy<HttpClient>(() => new HttpClient());
        _http = http ?? (() => shared.Value);
        _discovery = new DiscoveryCache(client.Authority.ToString(), () => _http(), new DiscoveryPolicy { RequireHttps = client.RequireHttps });
    }

    protected override async Task<(string Token, TimeSpan Lifetime)> AcquireAsync(string audience, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var discovery = await _discovery.GetAsync();
        if (discovery.IsError)
        {
            _discovery.Refresh();
            throw Refused("its discovery document could not be read", discovery.Error, discovery.Exception);
        }

        var response = await _http().RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = _client.ClientId,
            ClientSecret = _client.ClientSecret,
            Scope = _client.ScopeFor(audience),
        }, cancellationToken);
        if (response.IsError || string.IsNullOrEmpty(response.AccessToken))
        {
            throw Refused($"the token request for {audience} failed",
                string.Join(": ", new[] { response.Error ?? "no access token", response.ErrorDescription }.Where(e => !string.IsNullOrEmpty(e))), response.Exception);
        }

        return (response.AccessToken, TimeSpan.FromSeconds(Math.Max(response.ExpiresIn, 60)));
    }

    private TokenUnavailableException Refused(string what, string? error, Exception? inner) =>
        new($"The authority {_client.Authority} gave client {_client.ClientId} no token: {what} ({error}).", inner);
}
