using Google.Protobuf;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>Creates (AIP-133) in a mission: the parent mission, a request id, the resource to create.</summary>
public sealed partial class RequestValidator
{
    /// <summary>
    /// What every create in a mission checks before it reads the resource: the parent is a mission and
    /// the request id a UUID, and the resource is sent. Without it nothing else can be read, so the
    /// request is refused at once, with whatever else is wrong; check the new id before this to name it too.
    /// </summary>
    public (string MissionId, T Resource) Create<T>(string? parent, string? requestId, string resourceField, T? resource)
        where T : class, IMessage
    {
        var missionId = Name("parent", parent, "missions")[0];
        RequestId("request_id", requestId);
        if (resource is null)
        {
            Add(resourceField, "is required");
            ThrowIfInvalid();
        }

        return (missionId, resource!);
    }
}
