namespace MissionOps.ServiceDefaults.Errors;

/// <summary>A create names an id already taken; answered ALREADY_EXISTS with the resource named.</summary>
public sealed class AlreadyExistsException(string resourceType, string resourceName)
    : Exception($"{resourceName} already exists.")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;
}
