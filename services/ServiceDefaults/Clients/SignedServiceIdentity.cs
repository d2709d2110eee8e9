using MissionOps.Client.Tokens;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.ServiceDefaults.Clients;

/// <summary>
/// Development: the service signs its own tokens for the services it calls with the key the AppHost holds: the
/// read-only <c>service</c> role, never the rights of whoever called it.
/// </summary>
public sealed class SignedServiceIdentity(TokenIssuer issuer, string service, TimeProvider clock) : AccessTokens(clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    protected override Task<(string Token, TimeSpan Lifetime)> AcquireAsync(string audience, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult((issuer.Issue(TokenIssuer.SubjectOf(service), [audience], [$"{MissionRoles.AnyMission}:{MissionRoles.Service}"], Lifetime, now: now), Lifetime));
}
