using MissionOps.Common.V1;

namespace MissionOps.ServiceDefaults.Errors;

/// <summary>A create names an id already taken (or an undelete a resource that is not deleted); answered ALREADY_EXISTS with the resource named.</summary>
public sealed class AlreadyExistsException(string resourceType, string resourceName, ErrorReason reason = ErrorReason.ResourceAlreadyExists, string? message = null)
    : Exception(message ?? $"{resourceName} already exists.")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;

    public ErrorReason Reason { get; } = reason;
}
