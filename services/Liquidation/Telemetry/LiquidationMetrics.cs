using System.Diagnostics.Metrics;
using MissionOps.Liquidation.Assets;
using MissionOps.Liquidation.Disposals;

namespace MissionOps.Liquidation.Telemetry;

/// <summary>
/// What the dashboard shows of Liquidation, for each mission: assets awaiting disposal (count and depreciated value), disposals by
/// method, days since the liquidation started.
/// </summary>
public sealed class LiquidationMetrics
{
    public const string MeterName = "MissionOps.Liquidation";

    private readonly Counter<long> _disposals;
    private volatile IReadOnlyList<Asset> _awaiting = [];
    private volatile IReadOnlyList<(string MissionId, int Days)> _elapsed = [];

    public LiquidationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _disposals = meter.CreateCounter<long>("missionops.liquidation.disposals", "{asset}", "Assets disposed of, by method.");
        meter.CreateObservableGauge("missionops.liquidation.assets.awaiting_disposal", () =>
            _awaiting.GroupBy(a => a.MissionId).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("mission", g.Key))),
            "{asset}", "Assets not yet disposed of.");
        meter.CreateObservableGauge("missionops.liquidation.assets.awaiting_disposal.value", () =>
            _awaiting.GroupBy(a => (a.MissionId, a.Currency)).Select(g => new Measurement<long>(MoneyTotal.Saturated(g.Select(a => a.DepreciatedValue)),
                new("mission", g.Key.MissionId), new("currency", g.Key.Currency))),
            "{minor_unit}", "Depreciated value of the assets not yet disposed of, in minor units.");
        meter.CreateObservableGauge("missionops.liquidation.elapsed", () =>
            _elapsed.Select(e => new Measurement<int>(e.Days, new KeyValuePair<string, object?>("mission", e.MissionId))),
            "d", "Days since the mission's liquidation started, on its planning day.");
    }

    public void Disposed(DisposalCase disposal) => _disposals.Add(1, new("mission", disposal.MissionId), new("method", disposal.Method.ToString()));

    public void RecordAwaiting(IReadOnlyList<Asset> assets) => _awaiting = assets;

    public void RecordElapsed(IReadOnlyList<(string MissionId, int Days)> elapsed) => _elapsed = elapsed;
}
