using Npgsql;

namespace MissionOps.Testing;

/// <summary>
/// What a service's database holds, table by table: its row count and a hash of its rows, for every table of the
/// public schema but the migrations' own. Two equal fingerprints mean nothing was stored in between.
/// </summary>
public sealed record DatabaseFingerprint(IReadOnlyDictionary<string, (long Rows, string Hash)> Tables)
{
    public static async Task<DatabaseFingerprint> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' " +
            "and table_name not in ('__EFMigrationsHistory', '__shared_migrations_history') order by table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var result = new Dictionary<string, (long, string)>();
        if (tables.Count == 0)
        {
            return new DatabaseFingerprint(result);
        }

        var sql = string.Join(" union all ", tables.Select(t =>
            $"select '{t}', count(*), md5(coalesce(string_agg(r::text, E'\\n' order by r::text), '')) from \"{t}\" r"));
        await using var command = new NpgsqlCommand(sql, connection);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            result[rows.GetString(0)] = (rows.GetInt64(1), rows.GetString(2));
        }

        return new DatabaseFingerprint(result);
    }

    /// <summary>
    /// The fingerprint once the service's background work has settled: alike for half a second, three in a row a quarter
    /// second apart. A feed follower may pause longer than one interval between two events (the feed it follows polls).
    /// </summary>
    public static async Task<DatabaseFingerprint> SettledAsync(string connectionString)
    {
        var last = await TakeAsync(connectionString);
        var alike = 0;
        for (var attempt = 0; attempt < 40 && alike < 2; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            var next = await TakeAsync(connectionString);
            alike = next.ChangedFrom(last).Count == 0 ? alike + 1 : 0;
            last = next;
        }

        return last;
    }

    /// <summary>The tables whose rows differ from <paramref name="before"/>, with their counts then and now.</summary>
    public IReadOnlyList<string> ChangedFrom(DatabaseFingerprint before) =>
        [.. Tables.Where(t => !before.Tables.TryGetValue(t.Key, out var was) || was != t.Value)
            .Select(t => $"{t.Key} ({(before.Tables.TryGetValue(t.Key, out var was) ? was.Rows : 0)} -> {t.Value.Rows} rows)")];
}
