using Microsoft.EntityFrameworkCore;

namespace MissionOps.ServiceDefaults.Idempotency;

public static class IdempotencyModel
{
    public static ModelBuilder AddIdempotencyRecords(this ModelBuilder model)
    {
        model.Entity<IdempotencyRecord>(entity =>
        {
            entity.ToTable("idempotency_records");
            entity.HasKey(r => r.RequestId);
            entity.Property(r => r.Method).HasMaxLength(200);
        });
        return model;
    }
}
