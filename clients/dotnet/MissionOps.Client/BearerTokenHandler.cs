using System.Net.Http.Headers;

namespace MissionOps.Client;

/// <summary>
/// Puts the called service's bearer token, and the caller's languages for the errors' LocalizedMessage, on every
/// request of a channel to that service. The services use it for their calls to one another.
/// </summary>
public sealed class BearerTokenHandler(Func<string, CancellationToken, ValueTask<string>> tokens, string audience, string? language = null)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens(audience, cancellationToken));
        if (!string.IsNullOrEmpty(language))
        {
            request.Headers.TryAddWithoutValidation("accept-language", language);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
