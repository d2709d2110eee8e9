using System.Net.Http.Headers;

namespace MissionOps.Testing;

/// <summary>Sends every call with the given bearer token (none when null).</summary>
public sealed class BearerTokenHandler(string? token) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
