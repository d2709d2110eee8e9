namespace MissionOps.ServiceDefaults.Errors;

/// <summary>A resource changed only from its latest read: its etag is what a change must send back.</summary>
public interface IHasEtag
{
    string Name { get; }

    string Etag { get; }
}

public static class Etags
{
    /// <summary>Refuses a change made from an outdated read; an empty etag means the caller does not ask for the check.</summary>
    public static void EnsureEtag(this IHasEtag resource, string? etag)
    {
        if (!string.IsNullOrEmpty(etag) && etag != resource.Etag)
        {
            throw new StaleEtagException(resource.Name, resource.Etag);
        }
    }
}
