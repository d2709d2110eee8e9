using MissionOps.Sites.Closure;
using MissionOps.Sites.V1;

namespace MissionOps.Sites.Handover;

/// <summary>The contract's enum value names for handover error details.</summary>
public static class HandoverNames
{
    public static string Of(HandoverDocumentKind kind) =>
        ClosureStepNames.EnumName(HandoverReflection.Descriptor.EnumTypes, nameof(HandoverDocumentKind), (int)kind);

    public static string Of(HandoverSide side) =>
        ClosureStepNames.EnumName(HandoverReflection.Descriptor.EnumTypes, nameof(HandoverSide), (int)side);
}
