namespace MissionOps.Projects.Projects;

/// <summary>What can happen to a project; each is an event of the Projects feed (<c>ProjectHandedOver</c>).</summary>
public enum ProjectEvent
{
    Created,
    Updated,
    Started,
    Suspended,
    Resumed,
    Finalised,
    Closed,
    Cancelled,
    TransactionRecorded,
    ResultRecorded,
    IndicatorActualRecorded,
    HandedOver,
}
