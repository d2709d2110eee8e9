using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Changes;

/// <summary>
/// A resource that is deleted softly (AIP-164): recorded by mistake, it stops counting but keeps its
/// history, stays readable by Get and by a List asked to show deleted ones, and can be undeleted.
/// The database model hides deleted ones from every other query (<see cref="Data.SoftDeleteFilters"/>).
/// </summary>
public interface ISoftDeletable
{
    string Name { get; }

    /// <summary>When it was deleted; null while it counts.</summary>
    DateTimeOffset? DeleteTime { get; }
}

public static class SoftDeletion
{
    /// <summary>Refuses any change but Undelete to a deleted resource.</summary>
    public static void EnsureNotDeleted(this ISoftDeletable resource)
    {
        if (resource.DeleteTime is { } deleted)
        {
            throw new RuleViolationException(ErrorReason.ResourceDeleted,
                $"{resource.Name} was deleted on {deleted:yyyy-MM-dd HH:mm} UTC; undelete it first.");
        }
    }

    /// <summary>Refuses to undelete what is not deleted, as AIP-164 asks: ALREADY_EXISTS.</summary>
    public static void EnsureDeleted(this ISoftDeletable resource)
    {
        if (resource.DeleteTime is null)
        {
            throw new AlreadyExistsException($"missionops.un.org/{resource.GetType().Name}", resource.Name, ErrorReason.ResourceNotDeleted,
                $"{resource.Name} is not deleted; there is nothing to undelete.");
        }
    }
}
