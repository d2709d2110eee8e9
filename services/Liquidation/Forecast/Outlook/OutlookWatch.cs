using System.Threading.Channels;
using MissionOps.Liquidation.Forecast.Kept;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Telemetry;

namespace MissionOps.Liquidation.Forecast.Outlook;

/// <summary>
/// Forecasts a mission again once what Liquidation keeps of it has changed and the feeds are quiet, and once a minute when
/// its planning day has moved on, and records each site whose forecast crossed its phase's end (an event on the feed) and the gauges of
/// sites at risk and of the withdrawal's slack. A mission is forecast on its planning day, as its other gauges are.
/// </summary>
public sealed class OutlookWatch(IServiceScopeFactory scopes, KeptRecords records, MissionPlanningDays planningDays,
    Telemetry.LiquidationMetrics metrics, DatabaseReadiness readiness, TimeProvider clock, ILogger<OutlookWatch> logger) : BackgroundService
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Busy = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan DayCheck = TimeSpan.FromMinutes(1);

    private readonly Channel<string> _touched = Touched(records);
    private readonly Dictionary<string, DateOnly> _forecastOn = new(StringComparer.Ordinal);

    /// <summary>The missions something kept of changed, each forecast again once the feeds settle.</summary>
    private static Channel<string> Touched(KeptRecords records)
    {
        var touched = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        records.Changed += mission => touched.Writer.TryWrite(mission);
        return touched;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextDayCheck = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var missions = await TouchedAsync(stoppingToken);
            if (!readiness.IsReady)
            {
                continue;
            }

            if (clock.GetUtcNow() >= nextDayCheck)
            {
                try
                {
                    missions.UnionWith(await DayMovedAsync(stoppingToken));
                    nextDayCheck = clock.GetUtcNow() + DayCheck;
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database away (a restart): checked again at the next turn. Thrown out of here, it stopped the service.
                    logger.LogWarning("Checking the missions' planning days failed ({Message}); checking again at the next turn", exception.Message);
                }
            }

            foreach (var mission in missions)
            {
                await ForecastAsync(mission, stoppingToken);
            }
        }
    }

    /// <summary>
    /// The missions touched, once the feeds have been quiet for <see cref="Settle"/> (a keeper catching up with a long feed
    /// touches a mission with every batch: judged half-read, its sites would seem to hold people no movement takes out), or
    /// after <see cref="Busy"/> of changes without a pause; none after <see cref="DayCheck"/> without any.
    /// </summary>
    private async Task<HashSet<string>> TouchedAsync(CancellationToken stoppingToken)
    {
        var missions = new HashSet<string>(StringComparer.Ordinal);
        var busySince = (DateTimeOffset?)null;
        var wait = DayCheck;
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            quiet.CancelAfter(wait);
            try
            {
                await _touched.Reader.WaitToReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return missions;
            }

            while (_touched.Reader.TryRead(out var mission))
            {
                missions.Add(mission);
            }

            busySince ??= clock.GetUtcNow();
            if (clock.GetUtcNow() - busySince >= Busy)
            {
                return missions;
            }

            wait = Settle;
        }
    }

    /// <summary>The missions kept whose planning day is not the one they were last forecast on.</summary>
    private async Task<IReadOnlyList<string>> DayMovedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<LiquidationDbContext>().KeptImages.AsNoTracking()
            .Where(k => k.Type == Sites.V1.Mission.Descriptor.FullName).Select(k => k.MissionId).ToListAsync(ct);
        return [.. kept.Where(m => !_forecastOn.TryGetValue(m, out var day) || day != planningDays.Of(m))];
    }

    private async Task ForecastAsync(string missionId, CancellationToken ct)
    {
        var day = planningDays.Of(missionId);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ForecastRecord>().FactsAsync(missionId, day, null, ct) is not { } facts)
            {
                return;
            }

            var forecast = Forecaster.Forecast(facts);
            var sites = forecast.ToProto([]).Sites;
            var db = scope.ServiceProvider.GetRequiredService<LiquidationDbContext>();
            var now = clock.GetStorableUtcNow();
            await scope.ServiceProvider.GetRequiredService<ChangePipeline<LiquidationDbContext>>().RunFindingAsync(ServiceNames.Liquidation,
                "Forecast", $"outlook.{missionId}", async token =>
                {
                    var outlooks = await db.SiteOutlooks.Where(o => o.MissionId == missionId).ToDictionaryAsync(o => o.SiteId, StringComparer.Ordinal, token);
                    var changed = new List<IAggregate>();
                    foreach (var site in sites)
                    {
                        var known = outlooks.GetValueOrDefault(site.Site.Split('/')[^1]);
                        if (SiteOutlook.Observe(known, missionId, site, now) is { } observed)
                        {
                            if (known is null)
                            {
                                db.SiteOutlooks.Add(observed);
                            }

                            changed.Add(observed);
                        }
                    }

                    return changed;
                }, ct);
            metrics.RecordForecast(missionId, forecast.Sites.Count(s => s.AtRisk), forecast.SlackDays);
            _forecastOn[missionId] = day;
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            // Personnel away, say: the mission is forecast again at the next change or the next minute.
            _forecastOn.Remove(missionId);
            logger.LogWarning("Forecasting {Mission} for its outlook failed: {Message}", missionId, exception.Message);
        }
    }
}
