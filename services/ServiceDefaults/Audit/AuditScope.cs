using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace MissionOps.ServiceDefaults.Audit;

/// <summary>Who is making the current call, as the authorization interceptor found it; what the audit log records.</summary>
public sealed class AuditActor(string subject, IReadOnlyList<string> roles, string? partner, string method)
{
    public string Subject { get; } = subject;

    public IReadOnlyList<string> Roles { get; } = roles;

    public string? Partner { get; } = partner;

    public string Method { get; } = method;

    /// <summary>The network peer of the call, as the server saw it.</summary>
    public string? Peer { get; init; }

    /// <summary>The calling program's <c>user-agent</c>.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The resource as it was before the change, when the change has one.</summary>
    public Any? Before { get; set; }
}

/// <summary>The caller of the call being served, for the audit entry its change writes.</summary>
public static class AuditScope
{
    private static readonly AsyncLocal<AuditActor?> Actor = new();

    public static AuditActor? Current
    {
        get => Actor.Value;
        set => Actor.Value = value;
    }

    /// <summary>Keeps the resource as it is now, before the change about to be made to it.</summary>
    public static void RecordBefore(IMessage resource)
    {
        if (Actor.Value is { } actor)
        {
            actor.Before = Any.Pack(resource);
        }
    }
}
