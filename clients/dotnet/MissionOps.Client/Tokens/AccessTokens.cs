namespace MissionOps.Client.Tokens;

/// <summary>
/// Bearer tokens by audience (<c>missionops.sites</c>), each kept and renewed at half its lifetime, so a call rarely
/// waits for one and never sends one about to expire. Give <see cref="ForAsync"/> to
/// <see cref="MissionOpsClientOptions.Tokens"/>.
/// </summary>
public abstract class AccessTokens(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (string Token, DateTimeOffset Renew)> _kept = new(StringComparer.Ordinal);

    public async ValueTask<string> ForAsync(string audience, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _clock.GetUtcNow();
            if (_kept.TryGetValue(audience, out var kept) && now < kept.Renew)
            {
                return kept.Token;
            }

            var (token, lifetime) = await AcquireAsync(audience, now, cancellationToken);
            _kept[audience] = (token, now + (lifetime / 2));
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A new token for the audience, and how long it is valid.</summary>
    protected abstract Task<(string Token, TimeSpan Lifetime)> AcquireAsync(string audience, DateTimeOffset now, CancellationToken cancellationToken);
}
