using System.Globalization;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults;
using MissionOps.Sites.V1;

namespace MissionOps.AppHost;

/// <summary>
/// The dashboard's "Open readiness" on Liquidation: what still stands between each mission and its closure, as
/// Liquidation answers <c>GetClosureReadiness</c> to a viewer, in Markdown the dashboard shows.
/// </summary>
public static class ReadinessCommand
{
    public const string Name = "open-readiness";

    /// <summary>Each kind's items listed in full up to this many; the rest are counted.</summary>
    public const int ItemsListed = 10;

    public static IResourceBuilder<ProjectResource> WithReadinessCommand(this IResourceBuilder<ProjectResource> liquidation,
        IResourceBuilder<ProjectResource> sites, IResourceBuilder<ParameterResource> signingKey) =>
        liquidation.WithCommand(Name, "Open readiness", async context =>
        {
            var token = await GrpcServices.ViewerTokenAsync(signingKey, [ServiceNames.Liquidation, ServiceNames.Sites], TimeSpan.FromMinutes(5),
                context.CancellationToken);
            var headers = new Metadata { { "authorization", $"Bearer {token}" } };
            using var sitesChannel = GrpcChannel.ForAddress(sites.GetEndpoint(GrpcServices.Endpoint).Url);
            using var liquidationChannel = GrpcChannel.ForAddress(liquidation.GetEndpoint(GrpcServices.Endpoint).Url);
            try
            {
                var missions = await new SitesService.SitesServiceClient(sitesChannel)
                    .ListMissionsAsync(new ListMissionsRequest { PageSize = 1000 }, headers, cancellationToken: context.CancellationToken);
                var client = new LiquidationService.LiquidationServiceClient(liquidationChannel);
                var report = new StringBuilder();
                foreach (var mission in missions.Missions)
                {
                    var readiness = await client.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = mission.Name }, headers,
                        cancellationToken: context.CancellationToken);
                    Write(report, mission, readiness);
                }

                return CommandResults.Success($"Closure readiness of {missions.Missions.Count} missions", report.ToString(), CommandResultFormat.Markdown);
            }
            catch (RpcException e)
            {
                context.Logger.LogWarning("Closure readiness could not be read: {Status}", e.Status);
                return CommandResults.Failure($"Liquidation or Sites did not answer: {e.Status.StatusCode}, {e.Status.Detail}");
            }
        }, new CommandOptions
        {
            Description = "What still blocks each mission's closure: sites not handed over, people remaining, open projects, assets, liabilities, records.",
            IconName = "ClipboardTaskListLtr",
            UpdateState = context => context.ResourceSnapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
        });

    /// <summary>One mission's readiness: its verdict, a line per kind of blocker, and the blockers of each kind.</summary>
    public static void Write(StringBuilder report, Mission mission, ClosureReadiness readiness)
    {
        var asOf = new DateOnly(readiness.AsOfDate.Year, readiness.AsOfDate.Month, readiness.AsOfDate.Day);
        report.Append(CultureInfo.InvariantCulture, $"## {mission.DisplayName.En} (`{mission.Name}`)\n\n");
        report.Append(CultureInfo.InvariantCulture,
            $"As of {asOf:d MMMM yyyy}: **{(readiness.Ready ? "ready to close" : $"not ready, {readiness.BlockingItems.Count:N0} blockers")}**.\n\n");
        var totals = readiness.Totals;
        report.Append("| blocker | count |\n|---|---:|\n");
        foreach (var (label, count) in new[]
                 {
                     ("Sites not handed over", totals.SitesNotHandedOver), ("People remaining", totals.PersonnelRemaining),
                     ("Projects open", totals.ProjectsOpen), ("Assets not disposed of", totals.AssetsNotDisposed),
                     ("Liabilities open", totals.LiabilitiesOpen), ("Records to archive", totals.RecordsToArchive),
                 })
        {
            report.Append(CultureInfo.InvariantCulture, $"| {label} | {count:N0} |\n");
        }

        foreach (var kind in readiness.BlockingItems.GroupBy(i => i.Kind))
        {
            report.Append(CultureInfo.InvariantCulture, $"\n### {Label(kind.Key)}\n\n");
            foreach (var item in kind.Take(ItemsListed))
            {
                report.Append(CultureInfo.InvariantCulture, $"- `{item.Resource}`: {item.Description}\n");
            }

            if (kind.Count() > ItemsListed)
            {
                report.Append(CultureInfo.InvariantCulture, $"- and {kind.Count() - ItemsListed:N0} more\n");
            }
        }

        report.Append('\n');
    }

    private static string Label(BlockerKind kind) => kind switch
    {
        BlockerKind.SiteNotHandedOver => "Sites not handed over",
        BlockerKind.PersonnelRemaining => "Sites with people remaining",
        BlockerKind.ProjectOpen => "Projects open",
        BlockerKind.AssetNotDisposed => "Assets not disposed of",
        BlockerKind.LiabilityOpen => "Liabilities open",
        BlockerKind.RecordsNotArchived => "Records to archive",
        _ => kind.ToString(),
    };
}
