namespace MissionOps.Personnel.Headcount;

/// <summary>What can happen to a drawdown target; each is an event of the Personnel feed.</summary>
public enum DrawdownTargetEvent
{
    Created,
    Updated,
    Deleted,
    Undeleted,
}
