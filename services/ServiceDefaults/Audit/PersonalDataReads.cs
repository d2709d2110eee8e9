using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace MissionOps.ServiceDefaults.Audit;

/// <summary>
/// Reads of personal data, audited like changes: one entry per call that answered with personal
/// data, naming the resource read (a person, a movement) or, for a list, its parent with the
/// request itself as the query; no request id, nothing before, the request as <c>after</c>.
/// </summary>
public abstract class PersonalDataReads
{
    public abstract Task RecordAsync(string missionId, string resource, IMessage query, CancellationToken cancellationToken);
}

/// <summary>Writes the entry to the service's own audit log, one insert, after the answer was made.</summary>
public sealed class PersonalDataReads<TContext>(TContext db, TimeProvider clock) : PersonalDataReads
    where TContext : DbContext
{
    public override async Task RecordAsync(string missionId, string resource, IMessage query, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        AuditLog.Record(db, missionId, Guid.Empty, resource, query, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
