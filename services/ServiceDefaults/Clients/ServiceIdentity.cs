namespace MissionOps.ServiceDefaults.Clients;

/// <summary>
/// How this service proves who it is when it calls another: a token for the other service's
/// audience with the read-only <c>service</c> role, never the rights of whoever called it.
/// Tokens are kept and renewed at half their lifetime, so a call rarely waits for one.
/// </summary>
public abstract class ServiceIdentity(TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (string Token, DateTimeOffset Renew)> _tokens = [];

    /// <summary>The subject this service's tokens carry (<c>service:sites</c>).</summary>
    public static string SubjectOf(string service) => $"service:{service}";

    public async ValueTask<string> TokenForAsync(string audience, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (_tokens.TryGetValue(audience, out var kept) && now < kept.Renew)
            {
                return kept.Token;
            }

            var (token, lifetime) = await AcquireAsync(audience, now, cancellationToken);
            _tokens[audience] = (token, now + (lifetime / 2));
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected abstract Task<(string Token, TimeSpan Lifetime)> AcquireAsync(string audience, DateTimeOffset now, CancellationToken cancellationToken);
}
