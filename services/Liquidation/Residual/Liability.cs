using LiabilityKind = MissionOps.Liquidation.V1.LiabilityKind;
using LiabilityState = MissionOps.Liquidation.V1.LiabilityState;

namespace MissionOps.Liquidation.Residual;

/// <summary>Something the mission still owes or must do after it leaves.</summary>
public sealed class Liability : Aggregate<LiabilityEvent>, IAggregate, IHasEtag, ISoftDeletable
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

    public DateTimeOffset? DeleteTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/liabilities/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Liability Record(string missionId, string id, LiabilityTerms terms) =>
        Raising(new Liability { MissionId = missionId, Id = id, State = LiabilityState.Open }.With(terms), LiabilityEvent.Created);

    /// <summary>Corrects what was recorded: what it is, who owns it, what it may cost. Its state stays as it is.</summary>
    public void Correct(LiabilityTerms terms)
    {
        this.EnsureNotDeleted();
        With(terms);
        Raise(LiabilityEvent.Updated);
    }

    /// <summary>A liability recorded by mistake no longer counts: not among what blocks the liquidation, nor in the report.</summary>
    public void Delete(DateTimeOffset now)
    {
        this.EnsureNotDeleted();
        DeleteTime = now;
        Raise(LiabilityEvent.Deleted);
    }

    public void Undelete()
    {
        this.EnsureDeleted();
        DeleteTime = null;
        Raise(LiabilityEvent.Undeleted);
    }

    public void Settle(DateOnly day)
    {
        this.EnsureNotDeleted();
        if (State == LiabilityState.Settled)
        {
            throw new RuleViolationException(ErrorReason.LiabilitySettled, $"{Name} was already settled on {SettledDate:yyyy-MM-dd}.");
        }

        State = LiabilityState.Settled;
        SettledDate = day;
        Raise(LiabilityEvent.Settled);
    }

    private Liability With(LiabilityTerms terms)
    {
        (Kind, Description, Owner, Currency, EstimatedCost) = (terms.Kind, terms.Description, terms.Owner, terms.Currency, terms.EstimatedCost);
        return this;
    }
}
