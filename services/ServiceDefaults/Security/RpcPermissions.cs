namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// The one place a service declares what each of its RPCs needs (by method name), as its
/// contract's comments say. An RPC not declared here is refused to everyone.
/// </summary>
public sealed class RpcPermissions(string service, IReadOnlyDictionary<string, Access> methods)
{
    public string Service { get; } = service;

    public IReadOnlyDictionary<string, Access> Methods { get; } = methods;

    public Access? For(string fullMethod)
    {
        var name = fullMethod[(fullMethod.LastIndexOf('/') + 1)..];
        return Methods.TryGetValue(name, out var access) ? access : null;
    }
}
