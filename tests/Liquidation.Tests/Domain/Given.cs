using MissionOps.ServiceDefaults.Contracts;
using LiquidationPlan = MissionOps.Liquidation.Plan.LiquidationPlan;

namespace MissionOps.Liquidation.Tests.Domain;

/// <summary>What every domain test starts from: a day in January 2024 and MINUSMA's plan with a USD 50,000 threshold.</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2024, 1, 10, 8, 0, 0, TimeSpan.Zero);
    public static readonly LiquidationPlan MinusmaPlan = LiquidationPlan.Create("minusma", new DateOnly(2024, 1, 1), "USD", 5_000_000, Now);
    public static readonly Text Name = new("Item", "Article");
}
