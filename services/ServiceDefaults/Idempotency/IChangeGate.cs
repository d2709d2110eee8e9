namespace MissionOps.ServiceDefaults.Idempotency;

/// <summary>
/// A service's database that can close a mission to change. <see cref="IdempotentChange"/> asks it
/// inside every change's transaction, before the change, so no change interleaves with the closing.
/// </summary>
public interface IChangeGate
{
    /// <summary>Throws when <paramref name="method"/> may no longer change anything in the mission.</summary>
    Task EnsureOpenAsync(string missionId, string method, CancellationToken ct);
}
