namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// The one place a service declares what each of its RPCs needs (by method name), as its
/// contract's comments say, and which of its reads honour a region scope. An RPC not declared
/// here is refused to everyone; a read not declared region-scoped is refused to a token limited
/// to some regions.
/// </summary>
public sealed class RpcPermissions(string service, IReadOnlyDictionary<string, Access> methods, IReadOnlySet<string> regionScoped)
{
    public string Service { get; } = service;

    public IReadOnlyDictionary<string, Access> Methods { get; } = methods;

    /// <summary>The reads that answer a region-scoped token with what lies in its regions only.</summary>
    public IReadOnlySet<string> RegionScoped { get; } = regionScoped;

    public Access? For(string fullMethod) => Methods.TryGetValue(NameOf(fullMethod), out var access) ? access : null;

    public bool HonoursRegionScope(string fullMethod) => RegionScoped.Contains(NameOf(fullMethod));

    public static string NameOf(string fullMethod) => fullMethod[(fullMethod.LastIndexOf('/') + 1)..];
}
