namespace MissionOps.ServiceDefaults.Events;

/// <summary>How far a service has handled another service's feed; moved in the same transaction as the handling.</summary>
public sealed class FeedCursor
{
    public string Feed { get; set; } = string.Empty;

    public long Sequence { get; set; }

    public DateTimeOffset UpdateTime { get; set; }
}
