namespace MissionOps.Liquidation.Forecast.Outlook;

/// <summary>What can happen to a site's outlook: its forecast crosses its phase's end, one way (<c>SiteOutlookAtRisk</c>) or back.</summary>
public enum SiteOutlookEvent
{
    AtRisk,
    OnTrack,
}
