namespace MissionOps.ServiceDefaults;

/// <summary>
/// Each service's one name: its AppHost resource, its discovery entry (<c>services:{name}:grpc</c>),
/// its token audience (<c>missionops.{name}</c>) and subject (<c>service:{name}</c>), and the name a
/// caller gives it when it cannot be reached. Linked into the AppHost, which runs no service code.
/// </summary>
#if MISSIONOPS_APPHOST
// Internal there, so a project that references both the AppHost and ServiceDefaults sees one ServiceNames.
internal
#else
public
#endif
static class ServiceNames
{
    public const string Sites = "sites";
    public const string Personnel = "personnel";
    public const string Projects = "projects";
    public const string Liquidation = "liquidation";

    /// <summary>The four, in the order they start.</summary>
    public static readonly IReadOnlyList<string> All = [Sites, Personnel, Projects, Liquidation];
}
