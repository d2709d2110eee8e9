using MissionOps.Board.Calls;
using MissionOps.Client;
using MissionOps.Liquidation.V1;
using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Telemetry;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Overview;

/// <summary>Reads a site's page as the signed-in user: Sites for the site, Personnel for who was there, Projects and Liquidation for what is there.</summary>
public sealed class SiteDetailReader(UserCalls calls, MissionPlanningDays planningDays)
{
    /// <summary>How far back the occupancy curve starts before the site's planned or actual closure.</summary>
    public const int DaysBeforeClosure = 120;

    public async Task<SiteDetail> ReadAsync(string missionId, string siteId, CancellationToken cancellationToken)
    {
        var parent = $"missions/{missionId}";
        var name = $"{parent}/sites/{siteId}";
        var services = calls.Services;
        var site = await services.Sites.GetSiteAsync(new GetSiteRequest { Name = name }, cancellationToken: cancellationToken);
        var planningDay = planningDays.Of(missionId);

        var projects = Pages.All(new ListProjectsRequest { Parent = parent, Site = name }, services.Projects.ListProjectsAsync, page => page.Projects, cancellationToken)
            .ToListAsync(cancellationToken).AsTask();
        var assets = Pages.All(new ListAssetsRequest { Parent = parent, Site = name }, services.Liquidation.ListAssetsAsync, page => page.Assets, cancellationToken)
            .ToListAsync(cancellationToken).AsTask();
        var occupancy = MissionOverviewReader.HeadcountsAsync(services.Personnel, parent, name, SampledDays(site, planningDay), cancellationToken);
        var forecast = MissionOverviewReader.ForecastAsync(calls, parent, planningDay, cancellationToken);
        await Task.WhenAll(projects, assets, occupancy, forecast);
        return new SiteDetail(site, planningDay, occupancy.Result, projects.Result, assets.Result, forecast.Result?.Sites.FirstOrDefault(s => s.Site == name));
    }

    /// <summary>Weekly from four months before the closure (planned or actual) to the later of the handover and the planning day.</summary>
    public static IReadOnlyList<DateOnly> SampledDays(Site site, DateOnly planningDay)
    {
        var closure = site.Closure?.ClosureDate.ToDateOnly() ?? site.ClosurePlan?.PlannedClosureDate.ToDateOnly() ?? planningDay;
        var to = new[] { closure, planningDay, site.Handover?.CeremonyDate.ToDateOnly() ?? closure }.Max();
        return MissionOverviewReader.Weekly(closure.AddDays(-DaysBeforeClosure), to, [closure, planningDay]);
    }
}
