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
    /// The rows of each manifest a fault cuts: 20,000 in the test command's short form, 200,000 (the figures in
    /// docs/reliability.md) with <c>MISSIONOPS_FAULTS=full</c>.
    /// </summary>
    public static int ManifestRows { get; } = Environment.GetEnvironmentVariable("MISSIONOPS_FAULTS") == "full" ? 200_000 : 20_000;
}

/// <summary>How PostgreSQL goes down: stopped by an operator's restart, or killed outright.</summary>
public enum DatabaseFault
{
    /// <summary><c>pg_ctl stop -m fast</c>: transactions rolled back, connections closed, then started again.</summary>
    Restart,

    /// <summary>SIGKILL to the postmaster and every backend, then started again: crash recovery from the write-ahead log.</summary>
    Kill,
}
