namespace MissionOps.AppHost.Postgres;

/// <summary>Neither a container runtime nor PostgreSQL binaries: the system cannot start, and the message says what to install.</summary>
public sealed class PostgresUnavailableException(string message) : Exception(message);
