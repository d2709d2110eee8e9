using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>Updates (AIP-134): the resource with its name, a field mask of what may change, a request id.</summary>
public sealed partial class RequestValidator
{
    /// <summary>
    /// What every update checks before it reads anything: the resource is sent, the request id is
    /// a UUID, and the mask names at least one path, each among those the method may change (every
    /// other path is named). Refused at once when any is bad.
    /// </summary>
    public (Guid RequestId, IReadOnlyList<string> Paths) Update(string resourceField, IMessage? resource, FieldMask? mask, string? requestId,
        IReadOnlyCollection<string> updatable, string method)
    {
        var id = RequestId("request_id", requestId);
        Check(resource is not null, resourceField, "is required");
        var paths = mask?.Paths ?? [];
        Check(paths.Count > 0, "update_mask", "name at least one field to change");
        foreach (var path in paths.Where(p => !updatable.Contains(p)))
        {
            Add("update_mask", $"'{path}' cannot be changed by {method} (allowed: {string.Join(", ", updatable)})");
        }

        ThrowIfInvalid();
        return (id, paths);
    }

    /// <summary>The resource as it is with the masked fields of the request laid over it, to be checked whole.</summary>
    public static T Merged<T>(T current, T input, IReadOnlyList<string> paths) where T : IMessage<T>
    {
        var merged = current.Clone();
        new FieldMask { Paths = { paths } }.Merge(input, merged,
            new FieldMask.MergeOptions { ReplaceRepeatedFields = true, ReplaceMessageFields = true });
        return merged;
    }
}
