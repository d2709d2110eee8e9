namespace MissionOps.Personnel.Roster;

/// <summary>What can happen to a residual roster entry; each is an event of the Personnel feed.</summary>
public enum ResidualRosterEntryEvent
{
    Created,
    Updated,
    Deleted,
    Undeleted,
}
