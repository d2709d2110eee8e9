using LiabilityKind = MissionOps.Liquidation.V1.LiabilityKind;
using LiabilityState = MissionOps.Liquidation.V1.LiabilityState;

namespace MissionOps.Liquidation.Residual;

/// <summary>Something the mission still owes or must do after it leaves.</summary>
public sealed class Liability : Aggregate<LiabilityEvent>, IAggregate, IHasEtag
{
    private Liability()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    public LiabilityKind Kind { get; private set; }

    public Text Description { get; private set; } = Text.Empty;

    public string Owner { get; private set; } = string.Empty;

    public string? Currency { get; private set; }

    public long? EstimatedCost { get; private set; }

    public LiabilityState State { get; private set; }

    public DateOnly? SettledDate { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/liabilities/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Liability Record(string missionId, string id, LiabilityKind kind, Text description, string owner, string? currency, long? cost) =>
        Raising(new Liability
        {
            MissionId = missionId, Id = id, Kind = kind, Description = description, Owner = owner, Currency = currency, EstimatedCost = cost,
            State = LiabilityState.Open,
        }, LiabilityEvent.Created);

    public void Settle(DateOnly day)
    {
        if (State == LiabilityState.Settled)
        {
            throw new RuleViolationException(ErrorReason.LiabilitySettled, $"{Name} was already settled on {SettledDate:yyyy-MM-dd}.");
        }

        State = LiabilityState.Settled;
        SettledDate = day;
        Raise(LiabilityEvent.Settled);
    }
}
