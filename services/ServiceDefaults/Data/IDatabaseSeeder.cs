using Microsoft.EntityFrameworkCore;

namespace MissionOps.ServiceDefaults.Data;

/// <summary>Loads data after migrations; must be safe to run on every start (it checks what is there first).</summary>
public interface IDatabaseSeeder<in TContext> where TContext : DbContext
{
    Task SeedAsync(TContext db, CancellationToken cancellationToken);
}
