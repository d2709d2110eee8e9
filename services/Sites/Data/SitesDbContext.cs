using MissionOps.Sites.Missions;
using MissionOps.Sites.Phases;
using MissionOps.Sites.Regions;
using MissionOps.Sites.Sites;

namespace MissionOps.Sites.Data;

public sealed class SitesDbContext(DbContextOptions<SitesDbContext> options) : DbContext(options)
{
    public DbSet<Mission> Missions => Set<Mission>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<DrawdownPhase> DrawdownPhases => Set<DrawdownPhase>();

    public DbSet<Site> Sites => Set<Site>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddSharedTables();

        modelBuilder.Entity<Mission>(mission =>
        {
            mission.HasKey(m => m.Id);
            mission.Property(m => m.Id).HasMaxLength(63);
            mission.ComplexProperty(m => m.DisplayName, TextColumns.Bilingual);
            mission.Property(m => m.HostCountryCode).HasMaxLength(2).IsFixedLength();
            mission.Property(m => m.Version).IsRowVersion();
            mission.Ignore(m => m.Name);
        });

        modelBuilder.Entity<Region>(region =>
        {
            region.HasKey(r => new { r.MissionId, r.Id });
            region.HasOne<Mission>().WithMany().HasForeignKey(r => r.MissionId).OnDelete(DeleteBehavior.Restrict);
            region.HasIndex(r => new { r.MissionId, r.Pcode, r.PcodeVersion }).IsUnique();
            region.ComplexProperty(r => r.DisplayName, TextColumns.Bilingual);
            region.Property(r => r.Districts).HasJsonColumn();
            region.Ignore(r => r.Name);
        });

        modelBuilder.Entity<DrawdownPhase>(phase =>
        {
            phase.HasKey(p => new { p.MissionId, p.Id });
            phase.HasOne<Mission>().WithMany().HasForeignKey(p => p.MissionId).OnDelete(DeleteBehavior.Restrict);
            phase.HasIndex(p => new { p.MissionId, p.Ordinal }).IsUnique();
            phase.ComplexProperty(p => p.DisplayName, TextColumns.Bilingual);
            phase.Ignore(p => p.Name);
        });

        modelBuilder.Entity<Site>(site =>
        {
            site.HasKey(s => new { s.MissionId, s.Id });
            site.HasOne<Mission>().WithMany().HasForeignKey(s => s.MissionId).OnDelete(DeleteBehavior.Restrict);
            site.HasOne<DrawdownPhase>().WithMany().HasForeignKey(s => new { s.MissionId, s.DrawdownPhaseId })
                .OnDelete(DeleteBehavior.Restrict);
            site.ComplexProperty(s => s.DisplayName, TextColumns.Bilingual);
            site.ComplexProperty(s => s.Location, location =>
            {
                location.Property(l => l.RegionPcode).HasMaxLength(16);
                location.Property(l => l.DistrictPcode).HasMaxLength(16);
                location.Property(l => l.PcodeVersion).HasMaxLength(32);
                location.Property(l => l.Locality).HasMaxLength(200);
            });
            site.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
            site.Property(s => s.State).HasConversion<string>().HasMaxLength(40);
            site.Property(s => s.ClosureSteps).HasJsonColumn();
            site.Property(s => s.Closure).HasJsonColumn();
            site.Property(s => s.Handover).HasJsonColumn();
            site.Property(s => s.LeftWithoutHandover).HasJsonColumn();
            site.Property(s => s.Version).IsRowVersion();
            site.HasIndex(s => new { s.MissionId, s.State });
            site.HasIndex(s => new { s.MissionId, s.DrawdownPhaseId });
            site.Ignore(s => s.Name);
            site.Ignore(s => s.Etag);
            site.Ignore(s => s.IsClosed);
        });
    }
}
