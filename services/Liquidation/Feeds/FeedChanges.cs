using Microsoft.EntityFrameworkCore;
using MissionOps.Common.V1;
using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.Disposals;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Clients;
using MissionOps.ServiceDefaults.Events;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Liquidation.Feeds;

/// <summary>
/// Liquidation's own changes, made on the Sites feed's word: each written to Liquidation's feed and
/// audited under the service's identity, with the Sites event as the request id.
/// </summary>
public static class FeedChanges
{
    public static async Task RecordAsync(LiquidationDbContext db, ChangeEvent change, string missionId,
        IEnumerable<(string EventType, DisposalCase Disposal)> changes, DateTimeOffset now, CancellationToken ct)
    {
        AuditScope.Current = new AuditActor(ServiceIdentity.SubjectOf(ServiceNames.Liquidation), [$"{MissionRoles.AnyMission}:{MissionRoles.Service}"], null,
            $"{SiteClosedHandler.Feed}#{change.Sequence} {change.Type}");
        var requestId = new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{SiteClosedHandler.Feed}#{change.Sequence}")));
        foreach (var (eventType, disposal) in changes)
        {
            var asset = await db.Assets.SingleAsync(a => a.MissionId == missionId && a.Id == disposal.AssetId, ct);
            var proto = disposal.ToProto(asset.Currency);
            await EventLog.RecordAsync(db, missionId, eventType, disposal.Name, proto, now, ct);
            AuditLog.Record(db, missionId, requestId, disposal.Name, proto, now);
        }
    }
}
