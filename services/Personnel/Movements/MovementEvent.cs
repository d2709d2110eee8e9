namespace MissionOps.Personnel.Movements;

/// <summary>What can happen to a movement; each is an event of the Personnel feed (<c>MovementCompleted</c>).</summary>
public enum MovementEvent
{
    Created,
    Started,
    Held,
    Resumed,
    Completed,
    Cancelled,
}
