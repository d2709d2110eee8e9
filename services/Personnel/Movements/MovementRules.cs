using MissionOps.ServiceDefaults.Errors;
using MovementKind = MissionOps.Personnel.V1.MovementKind;
using MovementMode = MissionOps.Personnel.V1.MovementMode;

namespace MissionOps.Personnel.Movements;

/// <summary>
/// What every movement must be, however it arrives: one at a time (CreateMovement) or as a row of
/// a manifest. The callers map each breach's attribute to their own field (<c>movement.destination_site</c>,
/// <c>rows[12].destination_site</c>).
/// </summary>
public static class MovementRules
{
    public static IEnumerable<RuleBreach> Breaches(MovementKind kind, MovementMode mode, string originSite, string? destinationSite)
    {
        if (kind is not (MovementKind.Transfer or MovementKind.Repatriation))
        {
            yield return new(ErrorReason.MovementKindUnknown, "kind", kind.ToString(), "must be MOVEMENT_KIND_TRANSFER or MOVEMENT_KIND_REPATRIATION");
        }

        if (mode is not (MovementMode.RoadConvoy or MovementMode.Flight))
        {
            yield return new(ErrorReason.MovementModeUnknown, "mode", mode.ToString(), "must be MOVEMENT_MODE_ROAD_CONVOY or MOVEMENT_MODE_FLIGHT");
        }

        if (kind == MovementKind.Transfer && destinationSite == originSite)
        {
            yield return new(ErrorReason.TransferToItsOrigin, "destination_site", destinationSite ?? string.Empty, "must differ from the origin site");
        }

        if (kind == MovementKind.Repatriation && !string.IsNullOrEmpty(destinationSite))
        {
            yield return new(ErrorReason.RepatriationWithDestination, "destination_site", destinationSite, "must be empty: a repatriation leaves the mission");
        }
    }

    /// <summary>For a movement built from input already checked: a breach left here is the caller's defect.</summary>
    public static void EnsureKept(MovementKind kind, MovementMode mode, string originSite, string? destinationSite)
    {
        if (Breaches(kind, mode, originSite, destinationSite).FirstOrDefault() is { } breach)
        {
            throw new RuleBreachException(breach);
        }
    }
}
