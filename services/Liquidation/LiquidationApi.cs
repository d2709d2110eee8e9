using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using MissionOps.Liquidation.Assets;
using MissionOps.Liquidation.Data;
using MissionOps.Personnel.Client;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.ServiceDefaults.Events;
using MissionOps.ServiceDefaults.Idempotency;
using MissionOps.Sites.Client;

namespace MissionOps.Liquidation;

/// <summary>The gRPC endpoints: map the request, let the domain decide, map the answer. Split by feature.</summary>
public sealed partial class LiquidationApi(
    LiquidationDbContext db, TimeProvider clock, SitesDirectory sites, SiteRegions siteRegions, PersonnelDirectory personnel, Readiness.ReadinessReport readiness,
    Telemetry.LiquidationMetrics metrics, Report.FinalReport finalReport)
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

    /// <summary>Finds a resource inside the idempotent transaction, checks its etag, applies the change, saves.</summary>
    private Task<TResponse> ChangeAsync<TEntity, TResponse>(RequestValidator v, string name, string collection, string? etag, string? requestIdText,
        string method, Google.Protobuf.IMessage request, Func<string[], CancellationToken, Task<TEntity?>> find,
        Func<TEntity, CancellationToken, Task> change, Func<TEntity, TResponse> map, ServerCallContext context, string? eventType = null)
        where TEntity : class, IHasEtag
        where TResponse : Google.Protobuf.IMessage<TResponse>, new()
    {
        var ids = v.Name("name", name, "missions", collection);
        var requestId = v.RequestId("request_id", requestIdText);
        v.ThrowIfInvalid();

        return IdempotentChange.RunAsync(db, requestId, method, request, async ct =>
        {
            var entity = await find(ids, ct) ?? throw new NotFoundException($"missionops.un.org/{collection}", name);
            entity.EnsureEtag(etag);
            AuditScope.RecordBefore(map(entity));
            await change(entity, ct);
            await db.SaveChangesAsync(ct);
            var changed = map(entity);
            if (eventType is not null)
            {
                await EventLog.RecordAsync(db, ids[0], eventType, entity.Name, changed, Now, ct);
            }

            return changed;
        }, Token(context));
    }
}
