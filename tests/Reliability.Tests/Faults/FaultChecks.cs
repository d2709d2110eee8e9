using System.Diagnostics;
using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults;
using MissionOps.Testing;

namespace MissionOps.Reliability.Tests.Faults;

/// <summary>What the fault suite sets up and counts, on any of its tests.</summary>
public static class FaultChecks
{
    /// <summary>A generator registered at a site: Liquidation opens its disposal when the site closes, under the asset's id.</summary>
    public static CreateAssetRequest Generator(string site) => new()
    {
        Parent = MinusmaSites.Mission,
        AssetId = site,
        RequestId = Guid.NewGuid().ToString(),
        Asset = new Asset
        {
            Description = new Common.V1.LocalizedText { En = $"Generator at {site}", Fr = $"Groupe électrogène à {site}" },
            Ownership = Ownership.UnOwned,
            Category = AssetCategory.Generator,
            Site = $"{MinusmaSites.Mission}/sites/{site}",
            InventoryNumber = site.ToUpperInvariant(),
            AcquisitionCost = new Common.V1.Money { CurrencyCode = "USD", MinorUnits = 300_000 },
            DepreciatedValue = new Common.V1.Money { CurrencyCode = "USD", MinorUnits = 100_000 },
        },
    };

    /// <summary>The disposal cases Liquidation opened for these assets (each asset's case has its id).</summary>
    public static Task<long> DisposalCasesAsync(this MissionProcesses mission, params string[] assets) => mission.CountAsync(ServiceNames.Liquidation,
        "select count(*) from disposal_cases where mission_id = 'minusma' and id = any(@assets)", ("assets", assets));

    /// <summary>The <c>SiteClosed</c> events in the Sites outbox about these sites, and how many sites they are about.</summary>
    public static async Task<(long Events, long Sites)> SiteClosedAsync(this MissionProcesses mission, params string[] sites)
    {
        const string closed = "from outbox_events where type = 'missionops.sites.v1.SiteClosed' and resource = any(@sites)";
        return (await mission.CountAsync(ServiceNames.Sites, $"select count(*) {closed}", ("sites", sites)),
            await mission.CountAsync(ServiceNames.Sites, $"select count(distinct resource) {closed}", ("sites", sites)));
    }

    /// <summary>The movements of a manifest the database holds.</summary>
    public static Task<long> MovementsAsync(this MissionProcesses mission, FaultManifest manifest) => mission.CountAsync(ServiceNames.Personnel,
        "select count(*) from movements where mission_id = 'minusma' and manifest_id = @manifest", ("manifest", manifest.Id));

    /// <summary>
    /// A service's events about the resources under a prefix: how many, how many of them repeat an event already there
    /// (the same type about the same resource), and how many resources they are about.
    /// </summary>
    public static async Task<(long Events, long Twice, long Resources)> EventsAsync(this MissionProcesses mission, string service, string prefix)
    {
        var events = await mission.CountAsync(service, "select count(*) from outbox_events where resource like @prefix || '%'", ("prefix", prefix));
        var distinct = await mission.CountAsync(service, "select count(*) from (select distinct type, resource from outbox_events where resource like @prefix || '%') d", ("prefix", prefix));
        var resources = await mission.CountAsync(service, "select count(distinct resource) from outbox_events where resource like @prefix || '%'", ("prefix", prefix));
        return (events, events - distinct, resources);
    }

    /// <summary>Calls until the service answers, a read every 50 ms: how long it took.</summary>
    public static async Task<TimeSpan> FirstAnswerAsync<T>(Func<Task<T>> read)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await read();
                return clock.Elapsed;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(50);
            }
        }
    }

    public static Task WhenAsync(Func<bool> done) => WhenAsync(() => Task.FromResult(done()), TimeSpan.FromMinutes(1));

    public static async Task WhenAsync(Func<Task<bool>> done, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < within, $"not done within {within.TotalSeconds:0} s");
            await Task.Delay(20);
        }
    }
}
