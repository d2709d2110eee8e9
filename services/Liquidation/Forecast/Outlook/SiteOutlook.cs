using Google.Protobuf;
using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.Forecast.Outlook;

/// <summary>
/// Whether a site's forecast is past its phase's end, as last found, and the forecast that crossed it (kept as the
/// contract shows it): it changes only when the forecast crosses, so the feed carries the crossings and nothing else.
/// </summary>
public sealed class SiteOutlook : Aggregate<SiteOutlookEvent>, IAggregate
{
    private SiteOutlook()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string SiteId { get; private set; } = string.Empty;

    public bool AtRisk { get; private set; }

    /// <summary>The site's forecast when it crossed (V1.SiteForecast).</summary>
    public byte[] Forecast { get; private set; } = [];

    public DateTimeOffset UpdateTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/sites/{SiteId}/outlook";

    /// <summary>
    /// The outlook after <paramref name="forecast"/>: a site's first outlook comes when it is first at risk; after that it
    /// changes when its forecast crosses back or again. Null when nothing is to be recorded.
    /// </summary>
    public static SiteOutlook? Observe(SiteOutlook? outlook, string missionId, V1.SiteForecast forecast, DateTimeOffset now)
    {
        if (outlook is null)
        {
            return forecast.AtRisk
                ? Raising(new SiteOutlook { MissionId = missionId, SiteId = forecast.Site.Split('/')[^1], AtRisk = true, Forecast = forecast.ToByteArray(), UpdateTime = now },
                    SiteOutlookEvent.AtRisk)
                : null;
        }

        if (outlook.AtRisk == forecast.AtRisk)
        {
            return null;
        }

        outlook.AtRisk = forecast.AtRisk;
        outlook.Forecast = forecast.ToByteArray();
        outlook.UpdateTime = now;
        outlook.Raise(forecast.AtRisk ? SiteOutlookEvent.AtRisk : SiteOutlookEvent.OnTrack);
        return outlook;
    }

    public V1.SiteOutlook ToProto()
    {
        var forecast = V1.SiteForecast.Parser.ParseFrom(Forecast);
        var proto = new V1.SiteOutlook
        {
            Name = Name,
            Site = forecast.Site,
            AtRisk = AtRisk,
            HandoverDate = forecast.HandoverDate,
            PhaseEndDate = forecast.PhaseEndDate,
            RetainedUntil = forecast.RetainedUntil,
            CriticalPath = { forecast.CriticalPath },
            UpdateTime = UpdateTime.ToProto(),
        };
        if (forecast.HasSlackDays)
        {
            proto.SlackDays = forecast.SlackDays;
        }

        return proto;
    }
}
