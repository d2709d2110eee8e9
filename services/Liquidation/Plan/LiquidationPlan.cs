namespace MissionOps.Liquidation.Plan;

/// <summary>A mission's liquidation plan: when it starts, and the value above which a disposal needs approval.</summary>
public sealed class LiquidationPlan : Aggregate<LiquidationPlanEvent>, IAggregate, IHasEtag
{
    private LiquidationPlan()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public DateOnly StartDate { get; private set; }

    public string ThresholdCurrency { get; private set; } = string.Empty;

    public long ThresholdMinorUnits { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/liquidationPlan";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static LiquidationPlan Create(string missionId, DateOnly startDate, string currency, long threshold, DateTimeOffset now) =>
        Raising(new LiquidationPlan { MissionId = missionId, StartDate = startDate, ThresholdCurrency = currency, ThresholdMinorUnits = threshold, UpdateTime = now },
            LiquidationPlanEvent.Created);

    public void Change(DateOnly startDate, string currency, long threshold, DateTimeOffset now)
    {
        StartDate = startDate;
        ThresholdCurrency = currency;
        ThresholdMinorUnits = threshold;
        UpdateTime = now;
        Raise(LiquidationPlanEvent.Updated);
    }

    /// <summary>Above the threshold, or in another currency than it (which cannot be compared, so is treated as above).</summary>
    public bool NeedsApproval(string currency, long depreciatedValue) =>
        currency != ThresholdCurrency || depreciatedValue > ThresholdMinorUnits;
}
