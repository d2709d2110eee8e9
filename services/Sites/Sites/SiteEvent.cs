namespace MissionOps.Sites.Sites;

/// <summary>What can happen to a site; each is an event of the Sites feed (<c>SiteHandedOver</c>).</summary>
public enum SiteEvent
{
    Created,
    Updated,
    ClosurePlanned,
    ClosureStepRecorded,
    Closed,
    HandedOver,
    LeftWithoutHandover,
}
