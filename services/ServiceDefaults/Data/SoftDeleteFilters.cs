using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MissionOps.ServiceDefaults.Changes;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Data;

public static class SoftDeleteFilters
{
    /// <summary>
    /// Leaves deleted resources out of every query of the model, so that no total, report or check counts one by
    /// oversight; Get, Undelete and a List with <c>show_deleted</c> ask for them with <c>IgnoreQueryFilters</c>.
    /// Called once every entity is mapped.
    /// </summary>
    public static ModelBuilder HideDeleted(this ModelBuilder model)
    {
        foreach (var type in model.Model.GetEntityTypes().Where(t => typeof(ISoftDeletable).IsAssignableFrom(t.ClrType)).ToList())
        {
            var resource = Expression.Parameter(type.ClrType, "resource");
            var counts = Expression.Equal(Expression.Property(resource, nameof(ISoftDeletable.DeleteTime)), Expression.Constant(null, typeof(DateTimeOffset?)));
            model.Entity(type.ClrType).HasQueryFilter(Expression.Lambda(counts, resource));
        }

        return model;
    }

    /// <summary>What a List shows, untracked: the resources that count, or with <c>show_deleted</c> the deleted ones too.</summary>
    public static IQueryable<T> Shown<T>(this IQueryable<T> query, bool showDeleted) where T : class, ISoftDeletable =>
        (showDeleted ? query.IgnoreQueryFilters() : query).AsNoTracking();

    /// <summary>The part of a page token's filter fingerprint that says whether deleted resources are shown.</summary>
    public static string Fingerprint(bool showDeleted) => showDeleted ? "show_deleted" : string.Empty;

    /// <summary>The rows of <typeparamref name="T"/> with this key (its columns in the model's order, mission first), deleted ones too.</summary>
    public static IQueryable<T> WithKey<T>(this DbContext db, IReadOnlyList<string> key) where T : class
    {
        var query = db.Set<T>().IgnoreQueryFilters();
        foreach (var (column, value) in db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Select(p => p.Name).Zip(key))
        {
            query = query.Where(r => EF.Property<string>(r, column) == value);
        }

        return query;
    }

    /// <summary>
    /// The resource with this key, a deleted one too, or NOT_FOUND naming it: what a Get, an update, a delete or an undelete
    /// loads, the domain then refusing what may not be done to a deleted one.
    /// </summary>
    public static async Task<T> FindAnyAsync<T>(this DbContext db, IReadOnlyList<string> key, string name, CancellationToken ct) where T : class =>
        await db.WithKey<T>(key).SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"missionops.un.org/{typeof(T).Name}", name);
}
