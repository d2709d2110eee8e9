using Google.Protobuf;
using Google.Protobuf.Reflection;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.ServiceDefaults.Changes;

/// <summary>
/// What a change request says about the change, read from its fields by the API's conventions:
/// the method (<c>RecordSiteHandoverRequest</c> is RecordSiteHandover), the <c>request_id</c>, the
/// resource it changes (<c>name</c>, or the resource's own <c>name</c> in an update) with the
/// <c>etag</c> the caller read (the request's own, or the resource's when the request has no such
/// field), none for a create, and the mission it is in.
/// </summary>
public sealed record ChangeRequest(string Method, Guid RequestId, string? Target, string? Etag, string? MissionId)
{
    public static ChangeRequest Of(IMessage request)
    {
        var type = request.Descriptor;
        var method = type.Name.EndsWith("Request", StringComparison.Ordinal) ? type.Name[..^"Request".Length] : type.Name;
        var requestId = Guid.TryParse(Text(request, "request_id"), out var id) ? id
            : throw new InvalidOperationException($"{type.Name} reached the change pipeline without a valid request_id.");
        // A create (AIP-133) names its parent: the resource it carries does not exist yet, and its name and etag are output only.
        var creates = Text(request, "parent") is not null && Text(request, "name") is null;
        var resource = creates ? null : type.Fields.InFieldNumberOrder()
            .Where(f => f is { FieldType: FieldType.Message, IsRepeated: false, IsMap: false })
            .Select(f => f.Accessor.GetValue(request) as IMessage)
            .FirstOrDefault(m => m is not null && Text(m, "name") is { Length: > 0 });
        var target = Text(request, "name") ?? (resource is null ? null : Text(resource, "name"));
        // A request with an etag of its own is checked by it alone: the resource's etag is output only there, and a
        // client that echoes a resource it read sends it stale without asking for a check (UpdatePersonRequest).
        var etag = type.FindFieldByName("etag") is not null || resource is null ? Text(request, "etag") : Text(resource, "etag");
        return new ChangeRequest(method, requestId, target, etag, RequestMission.Find(request)?.MissionId);
    }

    private static string? Text(IMessage message, string field) =>
        message.Descriptor.FindFieldByName(field) is { FieldType: FieldType.String, IsRepeated: false } f
        && f.Accessor.GetValue(message) is string { Length: > 0 } value
            ? value
            : null;
}
