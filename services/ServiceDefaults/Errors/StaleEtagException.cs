namespace MissionOps.ServiceDefaults.Errors;

/// <summary>The caller changed a resource from an outdated read; answered ABORTED so it can read again and retry.</summary>
public sealed class StaleEtagException(string resourceName, string currentEtag)
    : Exception($"{resourceName} has changed since it was read (current etag {currentEtag}); read it again and retry.")
{
    public string ResourceName { get; } = resourceName;
}
