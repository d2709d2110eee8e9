namespace MissionOps.ServiceDefaults.Contracts;

public static class StorageClock
{
    /// <summary>
    /// Now, cut to the microsecond PostgreSQL keeps, so the answer to a change is the same as a
    /// later read of it (and a retry's stored answer).
    /// </summary>
    public static DateTimeOffset GetStorableUtcNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
