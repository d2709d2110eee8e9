using MissionOps.Liquidation.Assets;
using MissionOps.Liquidation.Closing;
using MissionOps.Liquidation.Disposals;
using MissionOps.Liquidation.Plan;
using MissionOps.Liquidation.Residual;
using MissionOps.ServiceDefaults.Idempotency;

namespace MissionOps.Liquidation.Data;

public sealed class LiquidationDbContext(DbContextOptions<LiquidationDbContext> options) : DbContext(options), IChangeGate
{
    public DbSet<LiquidationPlan> Plans => Set<LiquidationPlan>();

    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<DisposalCase> DisposalCases => Set<DisposalCase>();

    public DbSet<Liability> Liabilities => Set<Liability>();

    public DbSet<ArchiveRecord> ArchiveRecords => Set<ArchiveRecord>();

    public DbSet<IssuedReport> FinalReports => Set<IssuedReport>();

    public DbSet<Forecast.Kept.KeptImage> KeptImages => Set<Forecast.Kept.KeptImage>();

    public DbSet<Forecast.Outlook.SiteOutlook> SiteOutlooks => Set<Forecast.Outlook.SiteOutlook>();

    public Task EnsureOpenAsync(string missionId, string method, CancellationToken ct) =>
        LiquidationClosure.EnsureOpenAsync(this, missionId, method, ct);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddSharedTables();

        modelBuilder.Entity<Forecast.Kept.KeptImage>(kept =>
        {
            kept.ToTable("kept_images");
            kept.HasKey(k => k.Name);
            kept.Property(k => k.MissionId).HasMaxLength(63);
            kept.Property(k => k.Type).HasMaxLength(100);
            kept.HasIndex(k => k.MissionId);
        });

        modelBuilder.Entity<Forecast.Outlook.SiteOutlook>(outlook =>
        {
            outlook.ToTable("site_outlooks");
            outlook.HasKey(o => new { o.MissionId, o.SiteId });
            outlook.Property(o => o.MissionId).HasMaxLength(63);
            outlook.Property(o => o.SiteId).HasMaxLength(63);
            outlook.Property(o => o.Version).IsRowVersion();
            outlook.Ignore(o => o.Name);
        });

        modelBuilder.Entity<LiquidationPlan>(plan =>
        {
            plan.ToTable("liquidation_plans");
            plan.HasKey(p => p.MissionId);
            plan.Property(p => p.ThresholdCurrency).HasMaxLength(3);
            plan.Property(p => p.Version).IsRowVersion();
            plan.Ignore(p => p.Name);
            plan.Ignore(p => p.Etag);
        });

        modelBuilder.Entity<Asset>(asset =>
        {
            asset.HasKey(a => new { a.MissionId, a.Id });
            asset.HasIndex(a => new { a.MissionId, a.Site });
            asset.HasIndex(a => new { a.MissionId, a.State });
            asset.ComplexProperty(a => a.Description, TextColumns.Bilingual);
            asset.Property(a => a.Ownership).HasConversion<string>().HasMaxLength(40);
            asset.Property(a => a.Category).HasConversion<string>().HasMaxLength(40);
            asset.Property(a => a.ContingentDecision).HasConversion<string>().HasMaxLength(40);
            asset.Property(a => a.State).HasConversion<string>().HasMaxLength(40);
            asset.Property(a => a.Currency).HasMaxLength(3);
            asset.Property(a => a.Version).IsRowVersion();
            asset.Ignore(a => a.Name);
            asset.Ignore(a => a.Etag);
            asset.Ignore(a => a.IsControlled);
        });

        modelBuilder.Entity<DisposalCase>(disposal =>
        {
            disposal.HasKey(d => new { d.MissionId, d.Id });
            disposal.HasOne<Asset>().WithMany().HasForeignKey(d => new { d.MissionId, d.AssetId }).OnDelete(DeleteBehavior.Restrict);
            disposal.Property(d => d.Group).HasConversion<string>().HasMaxLength(10);
            disposal.Property(d => d.Method).HasConversion<string>().HasMaxLength(40);
            disposal.Property(d => d.State).HasConversion<string>().HasMaxLength(40);
            disposal.Property(d => d.AssetCurrency).HasMaxLength(3);
            disposal.Property(d => d.Approval).HasJsonColumn();
            disposal.Property(d => d.Record).HasJsonColumn();
            disposal.Property(d => d.Version).IsRowVersion();
            disposal.HasIndex(d => new { d.MissionId, d.State });
            disposal.Ignore(d => d.Name);
            disposal.Ignore(d => d.Etag);
        });

        modelBuilder.Entity<Liability>(liability =>
        {
            liability.ToTable("liabilities");
            liability.HasKey(l => new { l.MissionId, l.Id });
            liability.Property(l => l.Kind).HasConversion<string>().HasMaxLength(40);
            liability.Property(l => l.State).HasConversion<string>().HasMaxLength(40);
            liability.ComplexProperty(l => l.Description, TextColumns.Bilingual);
            liability.Property(l => l.Currency).HasMaxLength(3);
            liability.Property(l => l.Version).IsRowVersion();
            liability.Ignore(l => l.Name);
            liability.Ignore(l => l.Etag);
        });

        modelBuilder.Entity<ArchiveRecord>(record =>
        {
            record.HasKey(r => new { r.MissionId, r.Id });
            record.Property(r => r.State).HasConversion<string>().HasMaxLength(40);
            record.ComplexProperty(r => r.Title, TextColumns.Bilingual);
            record.Property(r => r.Version).IsRowVersion();
            record.Ignore(r => r.Name);
            record.Ignore(r => r.Etag);
        });

        modelBuilder.Entity<IssuedReport>(report =>
        {
            report.ToTable("final_reports");
            report.HasKey(r => r.MissionId);
            report.Property(r => r.SignatoryName).HasMaxLength(200);
            report.Property(r => r.SignatoryTitle).HasMaxLength(200);
            report.Property(r => r.DocumentReference).HasMaxLength(100);
            report.Ignore(r => r.Name);
        });

        modelBuilder.HideDeleted();
    }
}
