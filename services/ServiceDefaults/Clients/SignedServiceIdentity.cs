using MissionOps.ServiceDefaults.Security;

namespace MissionOps.ServiceDefaults.Clients;

/// <summary>Development: the service signs its own tokens with the key the AppHost holds.</summary>
public sealed class SignedServiceIdentity(TokenIssuer issuer, string service, TimeProvider clock) : ServiceIdentity(clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    protected override Task<(string Token, TimeSpan Lifetime)> AcquireAsync(string audience, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult((issuer.Issue(SubjectOf(service), [audience], [$"{MissionRoles.AnyMission}:{MissionRoles.Service}"], Lifetime, now: now), Lifetime));
}
