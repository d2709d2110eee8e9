namespace MissionOps.Liquidation.Assets;

/// <summary>What can happen to an asset; each is an event of the Liquidation feed (<c>AssetDisposed</c>).</summary>
public enum AssetEvent
{
    Created,
    ContingentDecisionRecorded,
    DisposalOpened,
    Disposed,
    Updated,
    Deleted,
    Undeleted,
}
