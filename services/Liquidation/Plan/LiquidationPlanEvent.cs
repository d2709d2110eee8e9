namespace MissionOps.Liquidation.Plan;

/// <summary>What can happen to a liquidation plan; each is an event of the Liquidation feed (<c>LiquidationPlanUpdated</c>).</summary>
public enum LiquidationPlanEvent
{
    Created,
    Updated,
}
