namespace MissionOps.Liquidation.Disposals;

/// <summary>What can happen to a disposal case; each is an event of the Liquidation feed (<c>DisposalCaseApproved</c>).</summary>
public enum DisposalCaseEvent
{
    Opened,
    Approved,
    Recorded,
    LossWrittenOff,
}
