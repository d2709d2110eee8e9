namespace MissionOps.Liquidation.Closing;

/// <summary>What can happen to the final report: it is issued, once (<c>FinalReportIssued</c>).</summary>
public enum IssuedReportEvent
{
    Issued,
}
