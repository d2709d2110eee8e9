using MissionOps.Projects.Iati;
using MissionOps.Projects.Projects;
using MissionOps.Projects.Rules;

namespace MissionOps.Projects.Data;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    public DbSet<QuickImpactRules> QuickImpactRules => Set<QuickImpactRules>();

    public DbSet<IatiPublication> IatiPublications => Set<IatiPublication>();

    public DbSet<IatiPublicationFile> IatiPublicationFiles => Set<IatiPublicationFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddSharedTables();

        modelBuilder.Entity<Project>(project =>
        {
            project.HasKey(p => new { p.MissionId, p.Id });
            project.HasIndex(p => new { p.MissionId, p.IatiIdentifier }).IsUnique();
            project.HasIndex(p => new { p.MissionId, p.Status });
            project.Property(p => p.IatiIdentifier).HasMaxLength(150);
            project.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
            project.Property(p => p.Status).HasConversion<string>().HasMaxLength(40);
            project.Property(p => p.Description).HasJsonColumn();
            project.Property(p => p.Transactions).HasJsonColumn();
            project.Property(p => p.Results).HasJsonColumn();
            project.Property(p => p.Handover).HasJsonColumn();
            project.Property(p => p.StatusReason).HasJsonColumn();
            project.Property(p => p.Version).IsRowVersion();
            project.Ignore(p => p.Name);
            project.Ignore(p => p.Etag);
            project.Ignore(p => p.Spent);
            project.Ignore(p => p.BlocksClosure);
        });

        modelBuilder.Entity<QuickImpactRules>(rules =>
        {
            rules.ToTable("quick_impact_rules");
            rules.HasKey(r => r.MissionId);
            rules.Property(r => r.Currency).HasMaxLength(3);
            rules.Property(r => r.Version).IsRowVersion();
            rules.Ignore(r => r.Name);
        });

        modelBuilder.Entity<IatiPublication>(publication =>
        {
            publication.HasKey(p => new { p.MissionId, p.Number });
            publication.Property(p => p.ReportingOrgRef).HasMaxLength(150);
            publication.Property(p => p.Sha256).HasMaxLength(64);
            publication.Ignore(p => p.Name);
            publication.Ignore(p => p.FilePath);
        });

        modelBuilder.Entity<IatiPublicationFile>(file =>
        {
            file.HasKey(f => new { f.MissionId, f.Number });
            file.HasOne<IatiPublication>().WithOne().HasForeignKey<IatiPublicationFile>(f => new { f.MissionId, f.Number });
        });
    }
}
