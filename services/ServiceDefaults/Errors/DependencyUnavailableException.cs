namespace MissionOps.ServiceDefaults.Errors;

/// <summary>
/// A service this one needs to answer could not be reached; answered UNAVAILABLE naming it,
/// never a guess. The caller may retry.
/// </summary>
public sealed class DependencyUnavailableException(string service, Exception? inner = null, TimeSpan? retryAfter = null)
    : Exception($"The {service} service could not be reached; nothing was changed. Retry later.", inner)
{
    /// <summary>How long a caller waits before retrying, told in the answer's RetryInfo, unless the failure knows better.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public string Service { get; } = service;

    /// <summary>When to try again: sooner is pointless while calls to the service are held off (<see cref="Clients.NeighbourBreaker"/>).</summary>
    public TimeSpan RetryAfter { get; } = retryAfter ?? DefaultRetryAfter;
}
