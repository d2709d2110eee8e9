using System.Diagnostics;
using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using Xunit.Abstractions;

namespace MissionOps.Reliability.Tests.Faults;

/// <summary>
/// A service's process killed (SIGKILL) in the middle of a call and started again, as an orchestrator restarts a crashed
/// container: the caller is told UNAVAILABLE, nothing of the call stays, the same request sent again is made once, and
/// the feed delivers what it caused once.
/// </summary>
[Collection(FaultSuite.Name)]
public sealed class ServiceCrashTests(MissionProcesses mission, ITestOutputHelper output)
{
    private readonly PersonnelService.PersonnelServiceClient _personnel = new(mission.Calls(ServiceNames.Personnel));
    private readonly SitesService.SitesServiceClient _sites = new(mission.Calls(ServiceNames.Sites));
    private readonly LiquidationService.LiquidationServiceClient _liquidation = new(mission.Calls(ServiceNames.Liquidation));

    [Fact]
    public async Task Sites_killed_while_a_closure_waits_for_personnel_stores_nothing_and_the_retry_reaches_liquidation_once()
    {
        const string site = "crash-sites";
        await MinusmaSites.AddCampAsync(_sites, site);
        await _liquidation.CreateAssetAsync(FaultChecks.Generator(site));
        var closure = MinusmaSites.ClosureRequest(site);
        var caller = new Retrying();

        // Personnel holds its answer (suspended), so the closure is still inside Sites, asking, when Sites dies.
        mission.Process(ServiceNames.Personnel).Freeze();
        Task<TimeSpan> restarting;
        RpcException cut;
        try
        {
            var call = _sites.RecordSiteClosureAsync(closure).ResponseAsync;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.False(call.IsCompleted, "the closure was answered before Sites was killed");
            restarting = mission.RestartAfterKillAsync(ServiceNames.Sites);
            cut = await Assert.ThrowsAsync<RpcException>(() => call);
            caller.Saw(cut);
        }
        finally
        {
            mission.Process(ServiceNames.Personnel).Thaw();
        }

        var restarted = await restarting;
        Assert.Equal(StatusCode.Unavailable, cut.StatusCode);
        Assert.Equal(SiteState.Operational, (await _sites.GetSiteAsync(new GetSiteRequest { Name = closure.Name })).State);
        Assert.Equal(0, (await mission.SiteClosedAsync(closure.Name)).Events);

        var clock = Stopwatch.StartNew();
        var closed = await caller.UntilAnsweredAsync(() => _sites.RecordSiteClosureAsync(closure).ResponseAsync, TimeSpan.FromMinutes(1));
        var retried = clock.Elapsed;
        Assert.Equal(SiteState.Closed, closed.State);
        Assert.Equal(closed, await _sites.RecordSiteClosureAsync(closure));
        await FaultChecks.WhenAsync(async () => await mission.DisposalCasesAsync(site) == 1, TimeSpan.FromMinutes(1));
        var delivered = clock.Elapsed;
        var closedEvents = (await mission.SiteClosedAsync(closure.Name)).Events;
        Assert.Equal(1, closedEvents);
        Assert.Equal((1L, 0L, 1L), await mission.EventsAsync(ServiceNames.Liquidation, $"{MinusmaSites.Mission}/disposalCases/{site}"));

        new FaultFigures("Sites killed (SIGKILL) and restarted", "a closure waiting for Personnel's answer", 1, closedEvents, 0, 0,
            $"Sites healthy {restarted.TotalSeconds:0.0} s after its restart; the retry made the closure in {retried.TotalSeconds:0.0} s, " +
            $"Liquidation opened its disposal {delivered.TotalSeconds:0.0} s after the retry", caller.Refusals).WriteTo(output);
    }

    [Fact]
    public async Task Personnel_killed_during_an_import_stores_nothing_and_the_retry_stores_every_row_once()
    {
        var manifest = new FaultManifest("crash-personnel", FaultSuite.ManifestRows);
        await manifest.CreatePeopleAsync(_personnel);
        var caller = new Retrying();

        Task<TimeSpan>? restarting = null;
        var cut = await Assert.ThrowsAsync<RpcException>(() => manifest.SendAsync(_personnel, () => restarting = mission.RestartAfterKillAsync(ServiceNames.Personnel)));
        caller.Saw(cut);
        var restarted = await restarting!;
        Assert.Equal(StatusCode.Unavailable, cut.StatusCode);
        Assert.Equal(0, await mission.MovementsAsync(manifest));

        var clock = Stopwatch.StartNew();
        var stored = await caller.UntilAnsweredAsync(() => manifest.SendAsync(_personnel), TimeSpan.FromMinutes(2));
        var retried = clock.Elapsed;
        Assert.Equal(manifest.Rows, stored.MovementCount);
        Assert.Equal(stored, await manifest.SendAsync(_personnel));
        var rows = await mission.MovementsAsync(manifest);
        var events = await mission.EventsAsync(ServiceNames.Personnel, manifest.MovementPrefix);
        Assert.Equal(manifest.Rows, rows);
        Assert.Equal((0L, (long)manifest.Rows), (events.Twice, events.Resources));

        new FaultFigures("Personnel killed (SIGKILL) and restarted", $"a {manifest.Rows:N0}-row manifest import, a third sent", stored.MovementCount, rows,
            stored.MovementCount - rows, events.Twice,
            $"Personnel healthy {restarted.TotalSeconds:0.0} s after its restart; the retried import stored in {retried.TotalSeconds:0.0} s", caller.Refusals)
            .WriteTo(output);
    }

    [Fact]
    public async Task Liquidation_killed_while_it_follows_a_burst_of_closures_opens_each_disposal_once_after_its_restart()
    {
        var ids = Enumerable.Range(1, 30).Select(i => $"crash-liquidation-{i:D2}").ToList();
        foreach (var id in ids)
        {
            await MinusmaSites.AddCampAsync(_sites, id);
            await _liquidation.CreateAssetAsync(FaultChecks.Generator(id));
        }

        var opened = () => mission.DisposalCasesAsync([.. ids]);
        var closing = Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, _) => await MinusmaSites.CloseAsync(_sites, id));
        await FaultChecks.WhenAsync(async () => await opened() >= 2, TimeSpan.FromMinutes(1));
        var killed = Stopwatch.StartNew();
        var restarting = mission.RestartAfterKillAsync(ServiceNames.Liquidation);
        var handledBefore = await opened();
        await closing;
        var restarted = await restarting;
        await FaultChecks.WhenAsync(async () => await opened() == ids.Count, TimeSpan.FromMinutes(1));
        var caughtUp = killed.Elapsed;

        Assert.True(handledBefore < ids.Count, $"Liquidation had handled all {ids.Count} closures before it was killed: nothing was tested");
        var disposals = await mission.EventsAsync(ServiceNames.Liquidation, $"{MinusmaSites.Mission}/disposalCases/crash-liquidation-");
        Assert.Equal((0L, (long)ids.Count), (disposals.Twice, disposals.Resources));
        var stored = await opened();
        Assert.Equal(ids.Count, stored);

        new FaultFigures("Liquidation killed (SIGKILL) and restarted", $"following a burst of {ids.Count} closures, {handledBefore} handled before", ids.Count,
            stored, ids.Count - stored, disposals.Twice,
            $"every disposal case opened {caughtUp.TotalSeconds:0.0} s after the kill, Liquidation healthy again after {restarted.TotalSeconds:0.0} s", [])
            .WriteTo(output);
    }
}
