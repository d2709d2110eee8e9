namespace MissionOps.Sites.Regions;

/// <summary>What can happen to a region: it is recorded, then only read.</summary>
public enum RegionEvent
{
    Created,
}
