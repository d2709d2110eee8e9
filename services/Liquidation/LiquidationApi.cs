using MissionOps.Liquidation.Assets;
using MissionOps.Personnel.Client;
using MissionOps.Sites.Client;

namespace MissionOps.Liquidation;

/// <summary>The gRPC endpoints: map the request, let the domain decide, map the answer. Split by feature.</summary>
public sealed partial class LiquidationApi(
    LiquidationDbContext db, ChangePipeline<LiquidationDbContext> changes, TimeProvider clock, SitesDirectory sites, SiteRegions siteRegions,
    PersonnelDirectory personnel, Readiness.ReadinessReport readiness, Telemetry.LiquidationMetrics metrics, Report.FinalReport finalReport)
    : V1.LiquidationService.LiquidationServiceBase
{
    private DateTimeOffset Now => clock.GetStorableUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static CancellationToken Token(ServerCallContext context) => context.CancellationToken;

    /// <summary>The asset; one at a site outside the caller's regions is answered as one that does not exist.</summary>
    private async Task<Asset> FindAssetAsync(string missionId, string assetId, string name, CancellationToken ct) =>
        await db.Assets.SingleOrDefaultAsync(a => a.MissionId == missionId && a.Id == assetId, ct) is { } asset
            && await siteRegions.IsVisibleAsync(missionId, asset.Site, ct)
            ? asset
            : throw new NotFoundException("missionops.un.org/Asset", name);

    /// <summary>Changes the resource the request names, in <paramref name="collection"/>, through the change pipeline: found, or NOT_FOUND, then changed.</summary>
    private Task<TResponse> ChangeNamedAsync<TAggregate, TResponse>(RequestValidator v, Google.Protobuf.IMessage request, string name, string requestId,
        string collection, Action<TAggregate> change, ServerCallContext context)
        where TAggregate : class, IAggregate
        where TResponse : Google.Protobuf.IMessage<TResponse>, new()
    {
        var ids = v.Name("name", name, "missions", collection);
        v.RequestId("request_id", requestId);
        v.ThrowIfInvalid();

        return changes.RunAsync<TResponse>(request, async ct =>
        {
            var found = await db.Set<TAggregate>().FindAsync([ids[0], ids[1]], ct)
                ?? throw new NotFoundException($"missionops.un.org/{typeof(TAggregate).Name}", name);
            change(found);
            return found;
        }, Token(context));
    }
}
