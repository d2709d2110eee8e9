using Google.Protobuf.Reflection;
using MissionOps.Sites.V1;

namespace MissionOps.Sites.Closure;

/// <summary>The contract's enum value names (<c>CLOSURE_STEP_KIND_HAZARDOUS_WASTE_REMOVED</c>) for error details.</summary>
public static class ClosureStepNames
{
    public static string Of(ClosureStepKind kind) => EnumName(ClosureReflection.Descriptor.EnumTypes, nameof(ClosureStepKind), (int)kind);

    internal static string EnumName(IList<EnumDescriptor> enums, string enumName, int number) =>
        enums.Single(e => e.Name == enumName).FindValueByNumber(number)?.Name ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
