namespace MissionOps.ServiceDefaults.Errors;

/// <summary>A request goes over one of the service's limits; answered RESOURCE_EXHAUSTED with the limit named.</summary>
public sealed class LimitExceededException(string limit, long maximum, string message) : Exception(message)
{
    /// <summary>The limit's name as partners see it (<c>manifest_rows</c>).</summary>
    public string Limit { get; } = limit;

    public long Maximum { get; } = maximum;
}
