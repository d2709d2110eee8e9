using Microsoft.EntityFrameworkCore;
using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Events;
using MissionOps.ServiceDefaults.Idempotency;

namespace MissionOps.ServiceDefaults.Data;

/// <summary>
/// The tables every service's database has and the shared library owns: idempotency records, the outbox,
/// the audit log and feed cursors. They are defined here once, created by <see cref="SharedTablesDbContext"/>'s
/// migrations, and mapped by each service's DbContext (excluded from its migrations) so that a change,
/// its audit entry, its event and its idempotency record are saved in one transaction.
/// </summary>
public static class SharedTables
{
    /// <summary>Maps the shared tables into a service's model, leaving their creation to the shared migrations.</summary>
    public static ModelBuilder AddSharedTables(this ModelBuilder model)
    {
        Map(model, excludedFromMigrations: true);
        return model;
    }

    /// <summary>Maps the shared tables as their owner, <see cref="SharedTablesDbContext"/>, does.</summary>
    internal static void Map(ModelBuilder model, bool excludedFromMigrations)
    {

        model.Entity<IdempotencyRecord>(entity =>
        {
            // IdempotentChange knows a concurrent first answer by this key's name, pk_idempotency_records.
            entity.ToTable("idempotency_records", table => table.ExcludeFromMigrations(excludedFromMigrations));
            entity.HasKey(r => r.RequestId);
            entity.Property(r => r.Method).HasMaxLength(200);
        });

        model.Entity<OutboxEvent>(entity =>
        {
            entity.ToTable("outbox_events", table => table.ExcludeFromMigrations(excludedFromMigrations));
            entity.HasKey(e => e.Sequence);
            entity.Property(e => e.Sequence).UseIdentityAlwaysColumn();
            entity.Property(e => e.MissionId).HasMaxLength(63);
            entity.Property(e => e.Type).HasMaxLength(200);
            // version-traceid-parentid-flags: 2 + 32 + 16 + 2 hex digits and 3 dashes.
            entity.Property(e => e.TraceParent).HasMaxLength(55);
            entity.HasIndex(e => new { e.MissionId, e.Sequence });
        });

        model.Entity<AuditRecord>(entity =>
        {
            entity.ToTable("audit_entries", table => table.ExcludeFromMigrations(excludedFromMigrations));
            entity.HasKey(e => e.Sequence);
            entity.Property(e => e.Sequence).UseIdentityAlwaysColumn();
            entity.Property(e => e.MissionId).HasMaxLength(63);
            entity.Property(e => e.Method).HasMaxLength(200);
            entity.Property(e => e.Peer).HasMaxLength(AuditLog.MaxOriginLength);
            entity.Property(e => e.UserAgent).HasMaxLength(AuditLog.MaxOriginLength);
            entity.Property(e => e.TraceId).HasMaxLength(32);
            entity.HasIndex(e => new { e.MissionId, e.Sequence });
        });

        model.Entity<FeedCursor>(cursor =>
        {
            cursor.ToTable("feed_cursors", table => table.ExcludeFromMigrations(excludedFromMigrations));
            cursor.HasKey(c => c.Feed);
            cursor.Property(c => c.Feed).HasMaxLength(40);
        });
    }
}
