namespace MissionOps.Liquidation.Residual;

/// <summary>What can happen to a liability; each is an event of the Liquidation feed (<c>LiabilitySettled</c>).</summary>
public enum LiabilityEvent
{
    Created,
    Settled,
    Updated,
    Deleted,
    Undeleted,
}
