using MissionOps.Sites.V1;

namespace MissionOps.Sites.Tests.Api;

/// <summary>The set-up most Sites tests share, on any client of the service.</summary>
public static class SiteSetup
{
    /// <summary>MINUSMA with the Mopti region and drawdown phase 2.</summary>
    public static async Task CreateMissionWithMoptiAndPhase2Async(this SitesService.SitesServiceClient client)
    {
        await client.CreateMissionAsync(Requests.CreateMission());
        await client.CreateRegionAsync(Requests.CreateMopti());
        await client.CreateDrawdownPhaseAsync(Requests.CreatePhase2());
    }

    /// <summary>Opens a site, plans it in phase 2 and records every checklist step, ready to close.</summary>
    public static async Task<Site> OpenSiteWithChecklistDoneAsync(this SitesService.SitesServiceClient client, string id)
    {
        await client.CreateSiteAsync(Requests.CreateSite(id));
        var site = await client.PlanSiteClosureAsync(Requests.Plan(id, Requests.Day(2023, 12, 8)));
        var day = 1;
        foreach (var kind in Enum.GetValues<ClosureStepKind>().Where(k => k != ClosureStepKind.Unspecified))
        {
            site = await client.RecordClosureStepAsync(Requests.Step(id, kind, Requests.Day(2023, 11, day++)));
        }

        return site;
    }

    public static async Task<Site> OpenAndCloseSiteAsync(this SitesService.SitesServiceClient client, string id)
    {
        await client.OpenSiteWithChecklistDoneAsync(id);
        return await client.RecordSiteClosureAsync(Requests.CloseRequest(id, Requests.Day(2023, 12, 8)));
    }
}
