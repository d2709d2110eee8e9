using AssetCategory = MissionOps.Liquidation.V1.AssetCategory;
using AssetState = MissionOps.Liquidation.V1.AssetState;
using ContingentDecision = MissionOps.Liquidation.V1.ContingentDecision;
using Ownership = MissionOps.Liquidation.V1.Ownership;

namespace MissionOps.Liquidation.Assets;

/// <summary>An item of the asset register, from registration to disposal.</summary>
public sealed class Asset : Aggregate<AssetEvent>, IAggregate, IHasEtag, ISoftDeletable
{
    private Asset()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    public Text Description { get; private set; } = Text.Empty;

    public Ownership Ownership { get; private set; }

    public AssetCategory Category { get; private set; }

    public string Site { get; private set; } = string.Empty;

    public string InventoryNumber { get; private set; } = string.Empty;

    public string Currency { get; private set; } = string.Empty;

    public long AcquisitionCost { get; private set; }

    public long DepreciatedValue { get; private set; }

    public string? OwnerCountryCode { get; private set; }

    public ContingentDecision ContingentDecision { get; private set; }

    public AssetState State { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public DateTimeOffset? DeleteTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/assets/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Weapons, ammunition and armoured vehicles: never to a third party.</summary>
    public bool IsControlled => Category is AssetCategory.Weapon or AssetCategory.Ammunition or AssetCategory.ArmouredVehicle;

    /// <summary>Prefabricated buildings and installations that cannot be removed: what the host government may take over (Financial Regulation 5.14).</summary>
    public bool IsInstalled => Category is AssetCategory.PrefabricatedBuilding or AssetCategory.Installation;

    public static Asset Register(string missionId, string id, AssetTerms terms, ContingentDecision decision, DateTimeOffset now) =>
        Raising(new Asset
        {
            MissionId = missionId, Id = id, ContingentDecision = decision, State = AssetState.Registered, CreateTime = now, UpdateTime = now,
        }.With(terms), AssetEvent.Created);

    /// <summary>Corrects what was registered, before its disposal opens: a disposal case takes its category and values.</summary>
    public void Correct(AssetTerms terms, DateTimeOffset now)
    {
        EnsureRegistered("correct it");
        With(terms);
        UpdateTime = now;
        Raise(AssetEvent.Updated);
    }

    /// <summary>
    /// An asset registered by mistake no longer counts: not among what blocks the liquidation, nor in the report, nor
    /// when its site closes. Only before its disposal opens: an asset being disposed of is a real one.
    /// </summary>
    public void Delete(DateTimeOffset now)
    {
        EnsureRegistered("delete it");
        DeleteTime = now;
        UpdateTime = now;
        Raise(AssetEvent.Deleted);
    }

    public void Undelete(DateTimeOffset now)
    {
        this.EnsureDeleted();
        DeleteTime = null;
        UpdateTime = now;
        Raise(AssetEvent.Undeleted);
    }

    public void RecordContingentDecision(ContingentDecision decision, DateTimeOffset now)
    {
        this.EnsureNotDeleted();
        if (Ownership != Ownership.ContingentOwned)
        {
            throw new RuleViolationException(ErrorReason.NotContingentOwned, $"{Name} is UN-owned: only a contributing country decides on its own equipment.");
        }

        RefuseIfDisposed("record a contributing country's decision");
        ContingentDecision = decision;
        UpdateTime = now;
        Raise(AssetEvent.ContingentDecisionRecorded);
    }

    internal void OpenDisposal(DateTimeOffset now)
    {
        this.EnsureNotDeleted();
        RefuseIfDisposed("open its disposal");
        if (State == AssetState.DisposalOpen)
        {
            throw new RuleViolationException(ErrorReason.DisposalAlreadyOpen, $"{Name} already has an open disposal case.");
        }

        State = AssetState.DisposalOpen;
        UpdateTime = now;
        Raise(AssetEvent.DisposalOpened);
    }

    internal void Dispose(DateTimeOffset now)
    {
        State = AssetState.Disposed;
        UpdateTime = now;
        Raise(AssetEvent.Disposed);
    }

    private void EnsureRegistered(string action)
    {
        this.EnsureNotDeleted();
        RefuseIfDisposed(action);
        if (State == AssetState.DisposalOpen)
        {
            throw new RuleViolationException(ErrorReason.AssetInDisposal,
                $"Cannot {action}: the disposal of {Name} is open, and its case took the asset's category and values.");
        }
    }

    private Asset With(AssetTerms terms)
    {
        (Description, Ownership, Category, Site, InventoryNumber) = (terms.Description, terms.Ownership, terms.Category, terms.Site, terms.InventoryNumber);
        (Currency, AcquisitionCost, DepreciatedValue, OwnerCountryCode) = (terms.Currency, terms.AcquisitionCost, terms.DepreciatedValue, terms.OwnerCountryCode);
        return this;
    }

    private void RefuseIfDisposed(string action)
    {
        if (State == AssetState.Disposed)
        {
            throw new RuleViolationException(ErrorReason.AssetDisposed, $"Cannot {action}: {Name} has been disposed of.");
        }
    }
}
