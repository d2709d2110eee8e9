using Microsoft.EntityFrameworkCore;

namespace MissionOps.ServiceDefaults.Data;

/// <summary>
/// PostgreSQL advisory locks held until the current transaction ends: how writers that must not
/// interleave (replicas of a service included) take turns, without a table to lock.
/// </summary>
public static class TransactionLock
{
    public static async Task TakeAsync(DbContext db, string key, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", ct);

    /// <summary>Held together with other shared holders, and excluding <see cref="TakeAsync"/>.</summary>
    public static async Task TakeSharedAsync(DbContext db, string key, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared(hashtext({key}))", ct);
}
