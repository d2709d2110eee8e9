using Microsoft.EntityFrameworkCore;

namespace MissionOps.Testing.Authority;

/// <summary>The authority's own store of applications and tokens (OpenIddict's tables).</summary>
public sealed class AuthorityDbContext(DbContextOptions<AuthorityDbContext> options) : DbContext(options);
