using System.Diagnostics.Metrics;
using SiteState = MissionOps.Sites.V1.SiteState;

namespace MissionOps.Sites.Telemetry;

/// <summary>What the dashboard shows of Sites: each mission's sites by state and by the drawdown phase that closes them.</summary>
public sealed class SitesMetrics
{
    public const string MeterName = "MissionOps.Sites";

    /// <summary>The phase of a site no phase has been planned for yet.</summary>
    public const string NoPhase = "none";

    private volatile IReadOnlyList<SiteCount> _sites = [];

    public SitesMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("missionops.sites.count", () => _sites.Select(c => new Measurement<int>(c.Count,
                new("mission", c.MissionId), new("state", c.State.ToString()), new("drawdown_phase", c.DrawdownPhase ?? NoPhase))),
            "{site}", "Sites by state and by the drawdown phase that closes them.");
    }

    public void Record(IReadOnlyList<SiteCount> sites) => _sites = sites;
}

public sealed record SiteCount(string MissionId, SiteState State, string? DrawdownPhase, int Count);
