using MissionOps.Liquidation.Assets;
using MissionOps.Liquidation.Plan;
using MissionOps.ServiceDefaults.Changes;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using DisposalGroup = MissionOps.Liquidation.V1.DisposalGroup;
using DisposalMethod = MissionOps.Liquidation.V1.DisposalMethod;
using DisposalState = MissionOps.Liquidation.V1.DisposalState;

namespace MissionOps.Liquidation.Disposals;

/// <summary>
/// The disposal of one asset. Opening it checks the disposal rules; above the plan's threshold
/// it waits for approval; recording it checks the authority Financial Regulation 5.14 asks for
/// and disposes of the asset, with the gain or loss. Contingent-owned equipment has no group.
/// </summary>
public sealed partial class DisposalCase : Aggregate<DisposalCaseEvent>, IAggregate, IHasEtag
{
    private DisposalCase()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    public string AssetId { get; private set; } = string.Empty;

    /// <summary>The UN's disposal group; none for contingent-owned equipment, which follows its country's decision.</summary>
    public DisposalGroup? Group { get; private set; }

    public DisposalMethod Method { get; private set; }

    public DisposalState State { get; private set; }

    /// <summary>The currency of its asset's values, in which its proceeds and gain or loss are shown.</summary>
    public string AssetCurrency { get; private set; } = string.Empty;

    public bool ApprovalRequired { get; private set; }

    public DisposalApproval? Approval { get; private set; }

    public DisposalRecord? Record { get; private set; }

    /// <summary>Proceeds less depreciated value, fixed when the disposal is recorded.</summary>
    public long? GainOrLoss { get; private set; }

    public string? OpenedByEvent { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/disposalCases/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static DisposalCase Open(string id, Asset asset, DisposalGroup group, DisposalMethod method, LiquidationPlan plan, string? openedByEvent,
        DateTimeOffset now)
    {
        DisposalRules.Check(asset, group, method);
        asset.OpenDisposal(now);
        var approvalRequired = plan.NeedsApproval(asset.Currency, asset.DepreciatedValue);
        return Raising(new DisposalCase
        {
            MissionId = asset.MissionId,
            Id = id,
            AssetId = asset.Id,
            Group = group == DisposalGroup.Unspecified ? null : group,
            Method = method,
            State = approvalRequired ? DisposalState.PendingApproval : DisposalState.Open,
            AssetCurrency = asset.Currency,
            ApprovalRequired = approvalRequired,
            OpenedByEvent = openedByEvent,
            CreateTime = now,
            UpdateTime = now,
        }, DisposalCaseEvent.Opened);
    }

    public void Approve(DisposalApproval approval, DateTimeOffset now)
    {
        if (State != DisposalState.PendingApproval)
        {
            throw new RuleViolationException(ApprovalRequired ? ErrorReason.DisposalAlreadyApproved : ErrorReason.DisposalApprovalNotRequired,
                $"{Name} is {State}: it is not waiting for an approval.");
        }

        Approval = approval;
        State = DisposalState.Approved;
        UpdateTime = now;
        Raise(DisposalCaseEvent.Approved);
    }

    public void RecordDisposal(Asset asset, DisposalRecord record, DateTimeOffset now)
    {
        if (State == DisposalState.Disposed)
        {
            throw new RuleViolationException(ErrorReason.AssetDisposed, $"{Name} was already recorded on {Record!.DisposalDate:yyyy-MM-dd}.");
        }

        if (State == DisposalState.PendingApproval)
        {
            throw new RuleViolationException(ErrorReason.DisposalNotApproved,
                $"{asset.Name} is worth more than the plan's approval threshold: the delegated authority approves before it is disposed of.",
                [new MissingItem(ErrorReason.DisposalApproval, Name, "record the approval (ApproveDisposal) first")]);
        }

        FinancialRegulation514.CheckRecord(asset, Method, record);
        if (DisposalRules.YieldsNoProceeds(Method) && record.Proceeds != 0)
        {
            throw new RuleBreachException(ErrorReason.NoProceedsByThisMethod, "proceeds", record.Proceeds, $"a disposal by {Method} brings no proceeds");
        }

        if (record.DisposalDate < Approval?.ApprovalDate)
        {
            throw new RuleBreachException(ErrorReason.DisposedBeforeApproval, "disposal_date", record.DisposalDate, $"is before the approval of {Approval.ApprovalDate:yyyy-MM-dd}");
        }

        Record = record;
        GainOrLoss = MoneyTotal.Difference(asset.Currency, record.Proceeds, asset.DepreciatedValue);
        State = DisposalState.Disposed;
        asset.Dispose(now);
        UpdateTime = now;
        Raise(DisposalCaseEvent.Recorded);
    }
}
