using MissionOps.Liquidation.Assets;
using MissionOps.Liquidation.Plan;
using DisposalGroup = MissionOps.Liquidation.V1.DisposalGroup;
using DisposalMethod = MissionOps.Liquidation.V1.DisposalMethod;
using DisposalState = MissionOps.Liquidation.V1.DisposalState;

namespace MissionOps.Liquidation.Disposals;

/// <summary>
/// The write-off of an asset lost with a site the mission left without handover: a loss of its whole
/// depreciated value, recorded under the board's reference, on the day the site was left. It replaces
/// whatever disposal was proposed before (a transfer of buildings the mission no longer holds).
/// </summary>
public sealed partial class DisposalCase
{
    public static DisposalCase OpenLoss(string id, Asset asset, LiquidationPlan plan, SiteLoss loss, string openedByEvent, DateTimeOffset now)
    {
        var disposal = Open(id, asset, DisposalGroup.Iv, DisposalMethod.WriteOff, plan, openedByEvent, now);
        disposal.WriteOffLoss(asset, loss, now);
        return disposal;
    }

    public void WriteOffLoss(Asset asset, SiteLoss loss, DateTimeOffset now)
    {
        if (State == DisposalState.Disposed)
        {
            throw new RuleViolationException(ErrorReason.AssetDisposed, $"{Name} was already recorded on {Record!.DisposalDate:yyyy-MM-dd}.");
        }

        DisposalRules.Check(asset, DisposalGroup.Iv, DisposalMethod.WriteOff);
        Group = DisposalGroup.Iv;
        Method = DisposalMethod.WriteOff;
        if (ApprovalRequired)
        {
            Approval = new DisposalApproval(loss.AuthorisedBy, loss.AuthorisedDate, loss.BoardReference);
        }

        Record = new DisposalRecord(loss.LeftDate, loss.Counterparty, loss.BoardReference, Proceeds: 0,
            PropertySurveyBoardReference: loss.BoardReference);
        FinancialRegulation514.CheckRecord(asset, Method, Record);
        GainOrLoss = -asset.DepreciatedValue;
        State = DisposalState.Disposed;
        asset.Dispose(now);
        UpdateTime = now;
        Raise(DisposalCaseEvent.LossWrittenOff);
    }
}
