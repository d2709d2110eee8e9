namespace MissionOps.ServiceDefaults.Audit;

/// <summary>One change as stored in the service's audit log, in the same transaction as the change.</summary>
public sealed class AuditRecord
{
    public long Sequence { get; set; }

    public string MissionId { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Roles { get; set; } = string.Empty;

    public string? Partner { get; set; }

    public string Method { get; set; } = string.Empty;

    public Guid RequestId { get; set; }

    public string Resource { get; set; } = string.Empty;

    public DateTimeOffset OccurTime { get; set; }

    public string? Peer { get; set; }

    public string? UserAgent { get; set; }

    public string? TraceId { get; set; }

    /// <summary>The resource before the change, as a serialised <c>google.protobuf.Any</c>; null for a creation.</summary>
    public byte[]? Before { get; set; }

    /// <summary>The service's answer to the change, as a serialised <c>google.protobuf.Any</c>.</summary>
    public byte[] After { get; set; } = [];
}
