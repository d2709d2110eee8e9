using MissionOps.Projects.V1;

namespace MissionOps.Projects.Projects;

public static class StatusNames
{
    public static string Of(ActivityStatus status) => status switch
    {
        ActivityStatus.Pipeline => "in the pipeline",
        ActivityStatus.Implementation => "in implementation",
        ActivityStatus.Finalisation => "in finalisation",
        ActivityStatus.Closed => "closed",
        ActivityStatus.Cancelled => "cancelled",
        ActivityStatus.Suspended => "suspended",
        _ => "in an unknown status",
    };

    /// <summary>The contract's name (<c>ACTIVITY_STATUS_FINALISATION</c>) for error details.</summary>
    public static string ContractName(ActivityStatus status) =>
        ProjectReflection.Descriptor.EnumTypes.Single(e => e.Name == nameof(ActivityStatus)).FindValueByNumber((int)status)?.Name
        ?? status.ToString();
}
