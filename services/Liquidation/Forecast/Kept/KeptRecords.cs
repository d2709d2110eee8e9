using System.Collections.Concurrent;

namespace MissionOps.Liquidation.Forecast.Kept;

/// <summary>
/// Each mission's kept record, read once and held until this process's keepers write to the mission again: a board page
/// or the outlook watch forecasting a mission of some 17,000 kept movements otherwise parses every one each time. Without
/// keepers of its own (<c>Liquidation:KeepFeedsForForecast</c> false), a process could not tell when another one wrote, so
/// it reads the tables every time.
/// </summary>
public sealed class KeptRecords(bool keptHere)
{
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Version, KeptRecord Record)> _read = new(StringComparer.Ordinal);

    /// <summary>A mission's kept images changed; raised once what was read of it is marked stale.</summary>
    public event Action<string>? Changed;

    /// <summary>The keepers wrote to the mission's kept images and committed: what was read of it is stale.</summary>
    public void Touch(string missionId)
    {
        _versions.AddOrUpdate(missionId, 1, (_, version) => version + 1);
        Changed?.Invoke(missionId);
    }

    public async Task<KeptRecord> ReadAsync(LiquidationDbContext db, string missionId, CancellationToken ct)
    {
        if (!keptHere)
        {
            return await KeptRecord.ReadAsync(db, missionId, ct);
        }

        // The version is taken before the read: a write committed during it makes the next read start again.
        var version = _versions.GetValueOrDefault(missionId);
        if (_read.TryGetValue(missionId, out var read) && read.Version == version)
        {
            return read.Record;
        }

        var record = await KeptRecord.ReadAsync(db, missionId, ct);
        if (record.Mission is not null)
        {
            _read[missionId] = (version, record);
        }

        return record;
    }
}
