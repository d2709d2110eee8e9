namespace MissionOps.Personnel.Movements;

/// <summary>The event types of the Personnel feed; each carries the Movement as it was after the change.</summary>
public static class MovementEvents
{
    public const string Completed = "missionops.personnel.v1.MovementCompleted";
    public const string Held = "missionops.personnel.v1.MovementHeld";
}
