using System.Diagnostics.Metrics;
using MissionOps.Liquidation.Assets;
using MissionOps.Liquidation.Disposals;

namespace MissionOps.Liquidation.Telemetry;

/// <summary>
/// What the dashboard shows of Liquidation, for each mission: assets awaiting disposal (count and depreciated value), disposals by
/// method, days since the liquidation started, closure blockers outstanding, sites forecast past their phase's end.
/// </summary>
public sealed class LiquidationMetrics
{
    public const string MeterName = "MissionOps.Liquidation";

    private readonly Counter<long> _disposals;
    private volatile IReadOnlyList<Asset> _awaiting = [];
    private volatile IReadOnlyList<(string MissionId, int Days)> _elapsed = [];
    private volatile IReadOnlyList<(string MissionId, string Kind, int Count)> _blockers = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int AtRisk, int? Slack)> _forecasts = new(StringComparer.Ordinal);

    public LiquidationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _disposals = meter.CreateCounter<long>("missionops.liquidation.disposals", "{asset}", "Assets disposed of, by method.");
        meter.CreateObservableGauge("missionops.liquidation.assets.awaiting_disposal", () =>
            _awaiting.GroupBy(a => a.MissionId).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("mission", g.Key))),
            "{asset}", "Assets not yet disposed of.");
        meter.CreateObservableGauge("missionops.liquidation.assets.awaiting_disposal.value", () =>
            _awaiting.GroupBy(a => (a.MissionId, a.Currency)).Select(g => new Measurement<double>(
                MinorUnits.ToMajor(MoneyTotal.Saturated(g.Select(a => a.DepreciatedValue)), g.Key.Currency),
                new("mission", g.Key.MissionId), new("currency", g.Key.Currency))),
            "{currency_unit}", "Depreciated value of the assets not yet disposed of, by currency, in its major unit (dollars, not cents).");
        meter.CreateObservableGauge("missionops.liquidation.closure_blockers", () =>
            _blockers.Select(b => new Measurement<int>(b.Count, new("mission", b.MissionId), new("kind", b.Kind))),
            "{item}", "What still blocks each mission's closure, by kind, as readiness finds it on the mission's planning day.");
        meter.CreateObservableGauge("missionops.liquidation.forecast.sites_at_risk", () =>
            _forecasts.Select(f => new Measurement<int>(f.Value.AtRisk, new KeyValuePair<string, object?>("mission", f.Key))),
            "{site}", "Sites whose forecast handover is past the end of their drawdown phase, or has no date, on the mission's planning day.");
        meter.CreateObservableGauge("missionops.liquidation.forecast.withdrawal_slack", () =>
            _forecasts.Where(f => f.Value.Slack is not null).Select(f => new Measurement<int>(f.Value.Slack!.Value, new KeyValuePair<string, object?>("mission", f.Key))),
            "d", "Days from the forecast end of the withdrawal to its deadline, negative past it; none while the forecast has no date.");
        meter.CreateObservableGauge("missionops.liquidation.elapsed", () =>
            _elapsed.Select(e => new Measurement<int>(e.Days, new KeyValuePair<string, object?>("mission", e.MissionId))),
            "d", "Days since the mission's liquidation started, on its planning day.");
    }

    public void Disposed(DisposalCase disposal) => _disposals.Add(1, new("mission", disposal.MissionId), new("method", disposal.Method.ToString()));

    public void RecordAwaiting(IReadOnlyList<Asset> assets) => _awaiting = assets;

    /// <summary>A mission's forecast as its outlook was last found: sites at risk, and the withdrawal's slack (none when unknown).</summary>
    public void RecordForecast(string missionId, int sitesAtRisk, int? withdrawalSlack) => _forecasts[missionId] = (sitesAtRisk, withdrawalSlack);

    public void RecordElapsed(IReadOnlyList<(string MissionId, int Days)> elapsed) => _elapsed = elapsed;

    /// <summary>Each mission's blockers by kind, every kind named, none as zero: a chart falls to nothing as they are cleared.</summary>
    public void RecordBlockers(IEnumerable<(string MissionId, V1.ClosureReadiness Readiness)> missions) =>
        _blockers = missions.SelectMany(m => Enum.GetValues<V1.BlockerKind>().Where(k => k != V1.BlockerKind.Unspecified)
            .Select(kind => (m.MissionId, kind.ToString(), m.Readiness.BlockingItems.Count(i => i.Kind == kind)))).ToList();
}
