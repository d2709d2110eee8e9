using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MissionOps.ServiceDefaults.Changes;

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
}
