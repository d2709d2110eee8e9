namespace MissionOps.Personnel.People;

/// <summary>What can happen to a person's record; each is an event of the Personnel feed (<c>PersonUpdated</c>).</summary>
public enum PersonEvent
{
    Created,
    Updated,
    Moved,
}
