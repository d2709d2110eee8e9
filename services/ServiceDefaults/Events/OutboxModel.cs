using Microsoft.EntityFrameworkCore;

namespace MissionOps.ServiceDefaults.Events;

public static class OutboxModel
{
    public static ModelBuilder AddOutbox(this ModelBuilder model)
    {
        model.Entity<OutboxEvent>(entity =>
        {
            entity.ToTable("outbox_events");
            entity.HasKey(e => e.Sequence);
            entity.Property(e => e.Sequence).UseIdentityAlwaysColumn();
            entity.Property(e => e.MissionId).HasMaxLength(63);
            entity.Property(e => e.Type).HasMaxLength(200);
            entity.HasIndex(e => new { e.MissionId, e.Sequence });
        });
        return model;
    }
}
