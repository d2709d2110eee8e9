namespace MissionOps.ServiceDefaults.Events;

/// <summary>A change, written in the same transaction as the change itself; the service's feed serves these in order.</summary>
public sealed class OutboxEvent
{
    public long Sequence { get; set; }

    public string MissionId { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public string Resource { get; set; } = string.Empty;

    public DateTimeOffset OccurTime { get; set; }

    /// <summary>The changed resource, as a serialised <c>google.protobuf.Any</c>.</summary>
    public byte[] Payload { get; set; } = [];

    /// <summary>The W3C <c>traceparent</c> of the activity that recorded the change, if it was traced.</summary>
    public string? TraceParent { get; set; }
}
