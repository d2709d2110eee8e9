using MovementState = MissionOps.Personnel.V1.MovementState;

namespace MissionOps.Personnel.Movements;

/// <summary>
/// One person's part of a movement: what headcounts read. A unit's movement has a leg per
/// member; each leg follows its movement's state and effective day.
/// </summary>
public sealed class MovementLeg
{
    public string MissionId { get; set; } = string.Empty;

    public string MovementId { get; set; } = string.Empty;

    public string PersonId { get; set; } = string.Empty;

    public string OriginSite { get; set; } = string.Empty;

    /// <summary>Null when the person leaves the mission.</summary>
    public string? DestinationSite { get; set; }

    public DateOnly EffectiveDate { get; set; }

    public MovementState State { get; set; }
}
