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
/// PostgreSQL goes down under the services' feet, stopped by a restart or killed outright, and comes back a moment
/// later: callers that retry with their request ids get every change made, once; nothing half-done stays.
/// </summary>
[Collection(FaultSuite.Name)]
public sealed class DatabaseRestartTests(MissionProcesses mission, ITestOutputHelper output)
{
    private const int BurstSites = 40;
    private const int SentBeforeFault = 6;

    private readonly PersonnelService.PersonnelServiceClient _personnel = new(mission.Calls(ServiceNames.Personnel));
    private readonly SitesService.SitesServiceClient _sites = new(mission.Calls(ServiceNames.Sites));
    private readonly LiquidationService.LiquidationServiceClient _liquidation = new(mission.Calls(ServiceNames.Liquidation));

    [Theory]
    [InlineData(DatabaseFault.Restart)]
    [InlineData(DatabaseFault.Kill)]
    public Task An_import_cut_by_the_database_going_down_stores_nothing_and_its_retry_stores_every_row_once(DatabaseFault fault) =>
        mission.ExplainingFailureAsync(output, () => ImportCutAsync(fault));

    private async Task ImportCutAsync(DatabaseFault fault)
    {
        var manifest = new FaultManifest($"db-{fault}-import".ToLowerInvariant(), FaultSuite.ManifestRows);
        await manifest.CreatePeopleAsync(_personnel);
        var caller = new Retrying();

        var cut = await Assert.ThrowsAsync<RpcException>(() => manifest.SendAsync(_personnel, () => Strike(fault)));
        caller.Saw(cut);
        mission.Postgres.StartAgain();
        var back = Stopwatch.StartNew();
        var readable = await FaultChecks.FirstAnswerAsync(() => _personnel.GetPersonAsync(new GetPersonRequest { Name = $"{MinusmaSites.Mission}/personnel/{manifest.Id}-p00000" }).ResponseAsync);

        // The import stopped where the database went: the service said so and says when to come back; no row of it stayed.
        Assert.Equal(StatusCode.Unavailable, cut.StatusCode);
        Assert.Equal("PostgreSQL", Refusal.Of(cut).Unavailable);
        Assert.NotNull(Refusal.Of(cut).RetryAfter);
        Assert.Equal(0, await mission.MovementsAsync(manifest));

        var stored = await caller.UntilAnsweredAsync(() => manifest.SendAsync(_personnel), TimeSpan.FromMinutes(2));
        var retried = back.Elapsed;
        var late = await manifest.SendAsync(_personnel);

        Assert.Equal(manifest.Rows, stored.MovementCount);
        Assert.Equal(stored, late);
        var rows = await mission.MovementsAsync(manifest);
        var distinct = await mission.CountAsync(ServiceNames.Personnel,
            "select count(distinct id) from movements where mission_id = 'minusma' and manifest_id = @manifest", ("manifest", manifest.Id));
        var events = await mission.EventsAsync(ServiceNames.Personnel, manifest.MovementPrefix);
        Assert.Equal(manifest.Rows, rows);
        Assert.Equal(rows, distinct);
        Assert.Equal((0L, (long)manifest.Rows), (events.Twice, events.Resources));

        new FaultFigures($"PostgreSQL {Described(fault)}", $"a {manifest.Rows:N0}-row manifest import, a third sent", stored.MovementCount, rows,
            Lost: stored.MovementCount - rows, Duplicated: rows - distinct + events.Twice,
            $"reads answered {readable.TotalSeconds:0.0} s after the database was back; the retried import stored in {(retried - readable).TotalSeconds:0.0} s",
            caller.Refusals).WriteTo(output);
    }

    [Theory]
    [InlineData(DatabaseFault.Restart)]
    [InlineData(DatabaseFault.Kill)]
    public Task Closures_sent_through_a_database_restart_are_each_made_once_and_liquidation_opens_each_disposal_once(DatabaseFault fault) =>
        mission.ExplainingFailureAsync(output, () => ClosuresThroughAsync(fault));

    private async Task ClosuresThroughAsync(DatabaseFault fault)
    {
        var ids = Enumerable.Range(1, BurstSites).Select(i => $"db-{fault}-{i:D2}".ToLowerInvariant()).ToList();
        foreach (var id in ids)
        {
            await MinusmaSites.AddCampAsync(_sites, id);
            await _liquidation.CreateAssetAsync(FaultChecks.Generator(id));
        }

        var caller = new Retrying();
        var acknowledged = 0;
        var answers = new System.Collections.Concurrent.ConcurrentDictionary<string, Site>();
        var closures = ids.ToDictionary(id => id, MinusmaSites.ClosureRequest);
        // The first closures go out at once; the rest wait for the fault and are sent while the database is down, so it
        // strikes with the burst under way however fast this machine makes the first ones.
        var struck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = 0;
        var burst = Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, _) =>
        {
            if (Interlocked.Increment(ref sent) > SentBeforeFault)
            {
                await struck.Task;
            }

            answers[id] = await caller.UntilAnsweredAsync(() => _sites.RecordSiteClosureAsync(closures[id]).ResponseAsync, TimeSpan.FromMinutes(2));
            Interlocked.Increment(ref acknowledged);
        });
        await FaultChecks.WhenAsync(() => Volatile.Read(ref acknowledged) >= 3);
        var handledBefore = await mission.DisposalCasesAsync([.. ids]);
        Strike(fault);
        var acknowledgedBefore = Volatile.Read(ref acknowledged);
        struck.SetResult();
        await Task.Delay(TimeSpan.FromSeconds(1));
        mission.Postgres.StartAgain();
        var back = Stopwatch.StartNew();
        await burst;
        var allAcknowledged = back.Elapsed;
        await FaultChecks.WhenAsync(async () => await mission.DisposalCasesAsync([.. ids]) == ids.Count, TimeSpan.FromMinutes(1));
        var caughtUp = back.Elapsed;

        Assert.All(answers.Values, site => Assert.Equal(SiteState.Closed, site.State));
        // A retry of a closure the database had made before it went down gets the same answer, not "already closed".
        var again = await _sites.RecordSiteClosureAsync(closures[ids[0]]);
        Assert.Equal(answers[ids[0]], again);
        var names = ids.Select(id => $"{MinusmaSites.Mission}/sites/{id}").ToArray();
        var (closed, closedSites) = await mission.SiteClosedAsync(names);
        var disposals = await mission.EventsAsync(ServiceNames.Liquidation, $"{MinusmaSites.Mission}/disposalCases/db-{fault.ToString().ToLowerInvariant()}-");
        Assert.Equal((ids.Count, ids.Count), (closed, closedSites));
        var opened = await mission.DisposalCasesAsync([.. ids]);
        Assert.Equal(ids.Count, opened);
        Assert.Equal((0L, (long)ids.Count), (disposals.Twice, disposals.Resources));

        new FaultFigures($"PostgreSQL {Described(fault)}, down 1 s", $"a burst of {ids.Count} site closures (4 at a time), {acknowledgedBefore} made before, {ids.Count - SentBeforeFault} sent while it was down",
            answers.Count, closedSites, Lost: answers.Count - closedSites, Duplicated: closed - closedSites, $"every closure acknowledged {allAcknowledged.TotalSeconds:0.0} s after the database was back", caller.Refusals)
            .WriteTo(output);
        new FaultFigures($"PostgreSQL {Described(fault)}, down 1 s", $"Liquidation following the Sites feed, {handledBefore} of {ids.Count} closures handled before",
            closedSites, opened, Lost: closedSites - opened, Duplicated: disposals.Twice,
            $"every disposal case opened {caughtUp.TotalSeconds:0.0} s after the database was back", [])
            .WriteTo(output);
    }

    private void Strike(DatabaseFault fault)
    {
        if (fault == DatabaseFault.Kill)
        {
            mission.Postgres.Kill();
        }
        else
        {
            mission.Postgres.Stop();
        }
    }

    private static string Described(DatabaseFault fault) => fault == DatabaseFault.Kill ? "killed (SIGKILL)" : "restarted (pg_ctl stop -m fast)";
}
