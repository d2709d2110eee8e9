namespace MissionOps.ServiceDefaults.Errors;

/// <summary>A named resource does not exist; answered NOT_FOUND with the resource named.</summary>
public sealed class NotFoundException(string resourceType, string resourceName)
    : Exception($"{resourceName} was not found.")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;
}
