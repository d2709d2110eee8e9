namespace MissionOps.Reliability.Tests.Faults;

/// <summary>
/// The fault suite's tests share one running mission and take turns: each fault (a database going down, a service
/// killed) strikes every service at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultSuite : ICollectionFixture<MissionProcesses>
{
    public const string Name = "Faults on the running processes";

    /// <summary>
    /// <c>MISSIONOPS_FAULTS=full</c>: the figures of docs/reliability.md, with 200,000-row manifests and the services
    /// compiled as they are deployed. Otherwise the test command's short form (<see cref="ManifestRows"/>,
    /// <see cref="MissionProcesses"/>), which checks the same.
    /// </summary>
    public static bool Full { get; } = Environment.GetEnvironmentVariable("MISSIONOPS_FAULTS") == "full";

    /// <summary>The rows of each manifest a fault cuts: 200,000 in the full run, 20,000 in the short form.</summary>
    public static int ManifestRows { get; } = Full ? 200_000 : 20_000;
}

/// <summary>How PostgreSQL goes down: stopped by an operator's restart, or killed outright.</summary>
public enum DatabaseFault
{
    /// <summary><c>pg_ctl stop -m fast</c>: transactions rolled back, connections closed, then started again.</summary>
    Restart,

    /// <summary>SIGKILL to the postmaster and every backend, then started again: crash recovery from the write-ahead log.</summary>
    Kill,
}
