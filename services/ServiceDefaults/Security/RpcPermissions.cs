using Google.Protobuf;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// The one place a service declares what each of its RPCs needs (by method name), as its
/// contract's comments say. An RPC not declared here is refused to everyone. A request field
/// may change what a call needs when set (<c>RecordSiteClosure.emergency</c>: an approver's
/// decision on a planner's RPC), declared beside the methods.
/// </summary>
public sealed class RpcPermissions(string service, IReadOnlyDictionary<string, Access> methods,
    IReadOnlyDictionary<string, Access>? whenFieldSet = null)
{
    public string Service { get; } = service;

    public IReadOnlyDictionary<string, Access> Methods { get; } = methods;

    /// <summary>What a call needs instead when its request sets the field (a message field), by <c>Method.field</c>.</summary>
    public IReadOnlyDictionary<string, Access> WhenFieldSet { get; } = whenFieldSet ?? new Dictionary<string, Access>();

    public Access? For(string fullMethod, IMessage? request = null)
    {
        var name = fullMethod[(fullMethod.LastIndexOf('/') + 1)..];
        if (request is not null)
        {
            foreach (var (key, access) in WhenFieldSet.Where(w => w.Key.StartsWith(name + ".", StringComparison.Ordinal)))
            {
                if (request.Descriptor.FindFieldByName(key[(name.Length + 1)..]) is { HasPresence: true } field && field.Accessor.HasValue(request))
                {
                    return access;
                }
            }
        }

        return Methods.TryGetValue(name, out var declared) ? declared : null;
    }
}
