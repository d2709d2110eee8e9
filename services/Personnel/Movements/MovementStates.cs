using Google.Protobuf.Reflection;
using MissionOps.Personnel.V1;

namespace MissionOps.Personnel.Movements;

public static class MovementStates
{
    public static string Of(MovementState state) => state switch
    {
        MovementState.Planned => "planned",
        MovementState.InTransit => "in transit",
        MovementState.Held => "held",
        MovementState.Completed => "completed",
        MovementState.Cancelled => "cancelled",
        _ => "in an unknown state",
    };

    /// <summary>The contract's name (<c>MOVEMENT_STATE_HELD</c>) for error details.</summary>
    public static string ContractName(MovementState state) =>
        MovementReflection.Descriptor.EnumTypes.Single(e => e.Name == nameof(MovementState)).FindValueByNumber((int)state)?.Name
        ?? state.ToString();
}
