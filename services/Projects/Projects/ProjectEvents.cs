namespace MissionOps.Projects.Projects;

/// <summary>The event types of the Projects feed; each carries the Project as it was after the change.</summary>
public static class ProjectEvents
{
    public const string HandedOver = "missionops.projects.v1.ProjectHandedOver";
    public const string Closed = "missionops.projects.v1.ProjectClosed";
}
