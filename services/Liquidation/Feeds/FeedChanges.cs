using MissionOps.Common.V1;
using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.Disposals;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Changes;
using MissionOps.ServiceDefaults.Clients;
using MissionOps.ServiceDefaults.Events;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Liquidation.Feeds;

/// <summary>
/// Liquidation's own changes, made on the Sites feed's word: what the cases and assets raised is
/// written to Liquidation's feed as the typed events of its contract, and each case is audited under
/// the service's identity, with the Sites event as the request id.
/// </summary>
public static class FeedChanges
{
    public static async Task RecordAsync(LiquidationDbContext db, ChangeContracts contracts, ChangeEvent change,
        IEnumerable<DisposalCase> cases, DateTimeOffset now, CancellationToken ct)
    {
        var raisers = db.ChangeTracker.Entries().Select(e => e.Entity).OfType<IAggregate>().ToList();
        foreach (var aggregate in raisers)
        {
            foreach (var happened in aggregate.Raised())
            {
                var message = contracts.EventOf(aggregate, happened);
                await EventLog.RecordAsync(db, aggregate.MissionId, message.Descriptor.FullName, aggregate.Name, message, now, ct);
            }

            aggregate.ClearRaised();
        }

        AuditScope.Current = new AuditActor(ServiceIdentity.SubjectOf(ServiceNames.Liquidation), [$"{MissionRoles.AnyMission}:{MissionRoles.Service}"], null,
            $"{SiteClosedHandler.Feed}#{change.Sequence} {change.Type}");
        var requestId = new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{SiteClosedHandler.Feed}#{change.Sequence}")));
        foreach (var disposal in cases)
        {
            AuditLog.Record(db, disposal.MissionId, requestId, disposal.Name, contracts.ImageOf(disposal), now);
        }
    }
}
