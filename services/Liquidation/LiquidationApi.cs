using MissionOps.Liquidation.Assets;
using MissionOps.Personnel.Client;
using MissionOps.Sites.Client;

namespace MissionOps.Liquidation;

/// <summary>The gRPC endpoints: map the request, let the domain decide, map the answer. Split by feature.</summary>
public sealed partial class LiquidationApi(
    LiquidationDbContext db, ChangePipeline<LiquidationDbContext> changes, TimeProvider clock, SitesDirectory sites, SiteRegions siteRegions,
    PersonnelDirectory personnel, Readiness.ReadinessReport readiness, Telemetry.LiquidationMetrics metrics, Report.FinalReport finalReport,
    Forecast.ForecastRecord forecastRecord)
    : V1.LiquidationService.LiquidationServiceBase
{
    private DateTimeOffset Now => clock.GetStorableUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static CancellationToken Token(ServerCallContext context) => context.CancellationToken;

    /// <summary>An asset read and not changed, a deleted one too: compiled once, so a point read does not translate its query again each time.</summary>
    private static readonly Func<LiquidationDbContext, string, string, CancellationToken, Task<Asset?>> ReadAsset =
        EF.CompileAsyncQuery((LiquidationDbContext db, string missionId, string id, CancellationToken _) =>
            db.Assets.IgnoreQueryFilters().AsNoTracking().SingleOrDefault(a => a.MissionId == missionId && a.Id == id));

    /// <summary>The asset, a deleted one too; one at a site outside the caller's regions is answered as one that does not exist.</summary>
    private async Task<Asset> FindAssetAsync(string missionId, string assetId, string name, CancellationToken ct, bool tracked = true)
    {
        var asset = tracked
            ? await FindAnyAsync<Asset>(missionId, assetId, name, ct)
            : await ReadAsset(db, missionId, assetId, ct) ?? throw new NotFoundException("missionops.un.org/Asset", name);
        return await siteRegions.IsVisibleAsync(missionId, asset.Site, ct) ? asset : throw new NotFoundException("missionops.un.org/Asset", name);
    }

    /// <summary>Changes the resource the request names, in <paramref name="collection"/>, through the change pipeline: found, or NOT_FOUND, then changed.</summary>
    private Task<TResponse> ChangeNamedAsync<TAggregate, TResponse>(RequestValidator v, Google.Protobuf.IMessage request, string name, string requestId,
        string collection, Action<TAggregate> change, ServerCallContext context)
        where TAggregate : class, IAggregate
        where TResponse : Google.Protobuf.IMessage<TResponse>, new()
    {
        var ids = v.Name("name", name, "missions", collection);
        v.RequestId("request_id", requestId);
        v.ThrowIfInvalid();

        return changes.ChangeFoundAsync<TAggregate, TResponse>(request, ids, name, change, Token(context));
    }

    /// <summary>
    /// What an update (AIP-134) would make of the resource it names, once its mask is checked: the masked fields of
    /// <paramref name="input"/> laid over the resource as it is (a deleted one too: its domain refuses the change), to be
    /// checked whole as on create.
    /// </summary>
    private async Task<TResponse> MergedAsync<TAggregate, TResponse>(RequestValidator v, string resourceField, TResponse input, string name,
        IReadOnlyList<string> paths, string collection, ServerCallContext context)
        where TAggregate : class, IAggregate
        where TResponse : Google.Protobuf.IMessage<TResponse>, new()
    {
        var ids = v.Name($"{resourceField}.name", name, "missions", collection);
        v.ThrowIfInvalid();
        return await changes.MergedAsync<TAggregate, TResponse>(ids, name, input, paths, Token(context));
    }

    /// <summary>The resource by its mission and id, a deleted one too (a change to it is refused by the domain, not as unknown), or NOT_FOUND.</summary>
    private Task<TAggregate> FindAnyAsync<TAggregate>(string missionId, string id, string name, CancellationToken ct)
        where TAggregate : class, IAggregate => db.FindAnyAsync<TAggregate>([missionId, id], name, ct);
}
