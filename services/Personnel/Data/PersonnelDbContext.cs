using MissionOps.Personnel.Headcount;
using MissionOps.Personnel.Movements;
using MissionOps.Personnel.People;
using MissionOps.Personnel.Roster;
using MissionOps.Personnel.Units;

namespace MissionOps.Personnel.Data;

public sealed class PersonnelDbContext(DbContextOptions<PersonnelDbContext> options) : DbContext(options)
{
    public DbSet<Person> Personnel => Set<Person>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Movement> Movements => Set<Movement>();

    public DbSet<MovementLeg> MovementLegs => Set<MovementLeg>();

    public DbSet<DrawdownTarget> DrawdownTargets => Set<DrawdownTarget>();

    public DbSet<ResidualRosterEntry> ResidualRoster => Set<ResidualRosterEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddSharedTables();

        modelBuilder.Entity<Unit>(unit =>
        {
            unit.HasKey(u => new { u.MissionId, u.Id });
            unit.ComplexProperty(u => u.DisplayName, TextColumns.Bilingual);
            unit.Property(u => u.Kind).HasConversion<string>().HasMaxLength(40);
            unit.Property(u => u.Version).IsRowVersion();
            unit.Ignore(u => u.Name);
            unit.Ignore(u => u.Etag);
            unit.Ignore(u => u.Strength);
        });

        modelBuilder.Entity<Person>(person =>
        {
            person.ToTable("personnel");
            person.HasKey(p => new { p.MissionId, p.Id });
            person.HasIndex(p => new { p.MissionId, p.IndexNumber }).IsUnique();
            person.HasIndex(p => new { p.MissionId, p.UnitId });
            person.HasOne<Unit>().WithMany().HasForeignKey(p => new { p.MissionId, p.UnitId }).OnDelete(DeleteBehavior.Restrict);
            person.Property(p => p.Component).HasConversion<string>().HasMaxLength(40);
            person.Property(p => p.Category).HasConversion<string>().HasMaxLength(40);
            person.Property(p => p.Version).IsRowVersion();
            person.Ignore(p => p.Name);
            person.Ignore(p => p.Etag);
            person.Ignore(p => p.Whereabouts);
        });

        modelBuilder.Entity<Movement>(movement =>
        {
            movement.HasKey(m => new { m.MissionId, m.Id });
            movement.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
            movement.Property(m => m.Mode).HasConversion<string>().HasMaxLength(40);
            movement.Property(m => m.State).HasConversion<string>().HasMaxLength(40);
            movement.Property(m => m.HoldReason).HasJsonColumn();
            movement.Property(m => m.CancelReason).HasJsonColumn();
            movement.Property(m => m.Version).IsRowVersion();
            movement.HasIndex(m => new { m.MissionId, m.State });
            // An import first checks that its manifest is new; without this it would scan every movement.
            movement.HasIndex(m => new { m.MissionId, m.ManifestId });
            movement.Ignore(m => m.Name);
            movement.Ignore(m => m.Etag);
            movement.Ignore(m => m.EffectiveDate);
        });

        modelBuilder.Entity<MovementLeg>(leg =>
        {
            leg.HasKey(l => new { l.MissionId, l.MovementId, l.PersonId });
            leg.Property(l => l.State).HasConversion<string>().HasMaxLength(40);
            // Headcounts and reads of a person find each person's last leg on or before a day: the first entry from that
            // day back, the movement id settling legs of one day without a sort, its state and destination in the index.
            leg.HasIndex(l => new { l.MissionId, l.PersonId, l.EffectiveDate, l.MovementId })
                .IsDescending(false, false, true, true)
                .IncludeProperties(l => new { l.State, l.DestinationSite })
                .HasDatabaseName("ix_movement_legs_last_leg");
        });

        modelBuilder.Entity<DrawdownTarget>(target =>
        {
            target.HasKey(t => new { t.MissionId, t.Id });
            target.Property(t => t.Component).HasConversion<string>().HasMaxLength(40);
            target.Property(t => t.Version).IsRowVersion();
            target.Ignore(t => t.Name);
            target.Ignore(t => t.Etag);
        });

        modelBuilder.Entity<ResidualRosterEntry>(entry =>
        {
            entry.ToTable("residual_roster");
            entry.HasKey(e => new { e.MissionId, e.PersonId });
            entry.HasOne<Person>().WithOne().HasForeignKey<ResidualRosterEntry>(e => new { e.MissionId, e.PersonId }).OnDelete(DeleteBehavior.Restrict);
            entry.Property(e => e.Group).HasConversion<string>().HasMaxLength(40);
            entry.ComplexProperty(e => e.Role, TextColumns.Bilingual);
            entry.Property(e => e.Version).IsRowVersion();
            entry.Ignore(e => e.Name);
            entry.Ignore(e => e.Etag);
        });

        modelBuilder.HideDeleted();
    }
}
