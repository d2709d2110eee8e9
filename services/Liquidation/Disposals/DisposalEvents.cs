namespace MissionOps.Liquidation.Disposals;

/// <summary>The event types of the Liquidation feed; each carries the DisposalCase as it was after the change.</summary>
public static class DisposalEvents
{
    public const string Opened = "missionops.liquidation.v1.DisposalCaseOpened";
    public const string AssetDisposed = "missionops.liquidation.v1.AssetDisposed";
}
