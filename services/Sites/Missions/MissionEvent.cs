namespace MissionOps.Sites.Missions;

/// <summary>What can happen to a mission in this service.</summary>
public enum MissionEvent
{
    Created,
    Updated,
}
