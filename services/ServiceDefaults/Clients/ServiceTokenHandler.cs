using System.Net.Http.Headers;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.ServiceDefaults.Clients;

/// <summary>
/// Gives calls to another service the calling service's own identity (the <c>service</c> role,
/// read-only), never the rights of whoever called it. Tokens are short-lived and renewed.
/// </summary>
public sealed class ServiceTokenHandler(TokenIssuer issuer, string callerService, string targetService, TimeProvider clock) : DelegatingHandler
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly object _gate = new();
    private (string Token, DateTimeOffset Renew) _current;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        return base.SendAsync(request, cancellationToken);
    }

    private string Token()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_current.Token is null || now >= _current.Renew)
            {
                _current = (issuer.Issue($"service:{callerService}", [TokenIssuer.AudienceOf(targetService)],
                    [$"{MissionRoles.AnyMission}:{MissionRoles.Service}"], Lifetime, now: now), now + (Lifetime / 2));
            }

            return _current.Token;
        }
    }
}
