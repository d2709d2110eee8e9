namespace MissionOps.Liquidation.Residual;

/// <summary>What can happen to a body of records; each is an event of the Liquidation feed (<c>ArchiveRecordArchived</c>).</summary>
public enum ArchiveRecordEvent
{
    Created,
    Archived,
    Updated,
    Deleted,
    Undeleted,
}
