using Google.Protobuf;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// The one place a service declares what each of its RPCs needs (by method name), as its
/// contract's comments say, and which of its reads honour a region scope. An RPC not declared
/// here is refused to everyone; a read not declared region-scoped is refused to a token limited
/// to some regions. A request field may change what a call needs when set
/// (<c>RecordSiteClosure.emergency</c>: an approver's decision on a planner's RPC), declared
/// beside the methods.
/// </summary>
public sealed class RpcPermissions(string service, IReadOnlyDictionary<string, Access> methods, IReadOnlySet<string> regionScoped,
    IReadOnlyDictionary<string, Access>? whenFieldSet = null)
{
    /// <summary>Every service's RPC listing its audit log (<c>ListAuditEntries</c>).</summary>
    public const string AuditLogRead = "ListAuditEntries";

    public string Service { get; } = service;

    public IReadOnlyDictionary<string, Access> Methods { get; } = methods;

    /// <summary>The reads that answer a region-scoped token with what lies in its regions only.</summary>
    public IReadOnlySet<string> RegionScoped { get; } = regionScoped;

    /// <summary>What a call needs instead when its request sets the field (a message field), by <c>Method.field</c>.</summary>
    public IReadOnlyDictionary<string, Access> WhenFieldSet { get; } = whenFieldSet ?? new Dictionary<string, Access>();

    public Access? For(string fullMethod, IMessage? request = null)
    {
        var name = NameOf(fullMethod);
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

    /// <summary>
    /// Whether the RPC reads rather than changes: what needs <see cref="Access.Read"/> or
    /// <see cref="Access.ReadPersonal"/>, and the audit log, which every service has and which only
    /// approvers and administrators read. An answer of a read that holds personal data is audited as a read.
    /// </summary>
    public bool Reads(string fullMethod, Access access) => access is Access.Read or Access.ReadPersonal || NameOf(fullMethod) == AuditLogRead;

    public bool HonoursRegionScope(string fullMethod) => RegionScoped.Contains(NameOf(fullMethod));

    public static string NameOf(string fullMethod) => fullMethod[(fullMethod.LastIndexOf('/') + 1)..];
}
