using System.Net.Http.Headers;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.ServiceDefaults.Clients;

/// <summary>Puts this service's own token for the called service on every call to it.</summary>
public sealed class ServiceTokenHandler(ServiceIdentity identity, string targetService) : DelegatingHandler
{
    private readonly string _audience = TokenIssuer.AudienceOf(targetService);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await identity.TokenForAsync(_audience, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
