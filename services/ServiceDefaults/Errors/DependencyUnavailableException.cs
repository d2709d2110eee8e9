namespace MissionOps.ServiceDefaults.Errors;

/// <summary>
/// A service this one needs to answer could not be reached; answered UNAVAILABLE naming it,
/// never a guess. The caller may retry.
/// </summary>
public sealed class DependencyUnavailableException(string service, Exception? inner = null)
    : Exception($"The {service} service could not be reached; nothing was changed. Retry later.", inner)
{
    /// <summary>How long a caller waits before retrying, told in the answer's RetryInfo.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public string Service { get; } = service;
}
