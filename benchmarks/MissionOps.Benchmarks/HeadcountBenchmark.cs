using System.Diagnostics;
using MissionOps.Personnel.V1;
using Npgsql;
using NpgsqlTypes;
using Date = Google.Type.Date;

namespace MissionOps.Benchmarks;

public sealed record HeadcountFigures(
    int People, int Legs, DateOnly AsOf, int Total, int Lines, IReadOnlyList<double> ServiceMilliseconds, IReadOnlyList<double> SqlMilliseconds,
    IReadOnlyList<double> SetBasedSqlMilliseconds, double LoadSeconds)
{
    /// <summary>Service time over SQL time: 1 would be as fast as the query alone.</summary>
    public double Ratio => Stats.Median(ServiceMilliseconds) / Stats.Median(SqlMilliseconds);
}

/// <summary>
/// GetHeadcount as of a past day over the history of every person, against a hand-written
/// query run directly with Npgsql. Both answers, and a third computed in memory from the
/// generated rows, must be equal line for line.
/// </summary>
public sealed class HeadcountBenchmark(BenchHost host, BenchData data)
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    /// <summary>
    /// Where everyone is on @as_of: the destination of their last completed leg on or before that
    /// day (latest day, then highest movement id), else their assigned site; no destination means
    /// they left. One probe per person into the (mission, person, effective day) index, read
    /// backwards so it stops at the first completed leg: about two leg rows read per person,
    /// whatever the length of their history.
    /// </summary>
    public const string HeadcountSql = """
        SELECT located.site, located.component, located.category, count(*)::int
        FROM (
            SELECT p.component, p.category,
                   CASE WHEN last_leg.found THEN last_leg.destination_site ELSE p.assigned_site END AS site
            FROM personnel p
            LEFT JOIN LATERAL (
                SELECT true AS found, l.destination_site
                FROM movement_legs l
                WHERE l.mission_id = p.mission_id AND l.person_id = p.id
                  AND l.effective_date <= @as_of AND l.state = 'Completed'
                ORDER BY l.effective_date DESC, l.movement_id DESC
                LIMIT 1
            ) last_leg ON TRUE
            WHERE p.mission_id = @mission AND p.assignment_date <= @as_of
        ) located
        WHERE located.site IS NOT NULL
        GROUP BY located.site, located.component, located.category
        """;

    /// <summary>
    /// The same answer set-wise, for comparison only: every completed leg up to the day, sorted per
    /// person, the first of each kept. It reads and sorts about half the table, so it is slower
    /// than <see cref="HeadcountSql"/> here and is not the baseline.
    /// </summary>
    public const string SetBasedHeadcountSql = """
        SELECT located.site, located.component, located.category, count(*)::int
        FROM (
            SELECT p.component, p.category,
                   CASE WHEN last_leg.person_id IS NULL THEN p.assigned_site ELSE last_leg.destination_site END AS site
            FROM personnel p
            LEFT JOIN (
                SELECT DISTINCT ON (l.person_id) l.person_id, l.destination_site
                FROM movement_legs l
                WHERE l.mission_id = @mission AND l.state = 'Completed' AND l.effective_date <= @as_of
                ORDER BY l.person_id, l.effective_date DESC, l.movement_id DESC
            ) last_leg ON last_leg.person_id = p.id
            WHERE p.mission_id = @mission AND p.assignment_date <= @as_of
        ) located
        WHERE located.site IS NOT NULL
        GROUP BY located.site, located.component, located.category
        """;

    public async Task<HeadcountFigures> RunAsync(int legsPerPerson, int repetitions)
    {
        var legs = data.History(legsPerPerson);
        var loadSeconds = await LoadAsync(legs);
        Console.WriteLine($"  loaded {legs.Length:N0} movements and as many legs for {data.People.Length:N0} people in {loadSeconds:F1} s, " +
            "then VACUUM ANALYZE");

        var expected = data.ExpectedHeadcount(legs, legsPerPerson, AsOf);
        var service = await ServiceHeadcountAsync();
        var sql = await SqlHeadcountAsync(HeadcountSql);
        Check("GetHeadcount", service.Answer, "the expected headcount computed from the generated rows", expected);
        Check("the SQL query", sql.Answer, "the expected headcount computed from the generated rows", expected);
        Check("GetHeadcount", service.Answer, "the SQL query", sql.Answer);
        Console.WriteLine($"  warm-up: GetHeadcount {service.Milliseconds:F0} ms, SQL {sql.Milliseconds:F0} ms; both answer {expected.Total:N0} people " +
            $"in {expected.Rows.Count} site/component/category lines, as computed from the generated rows");

        var serviceTimes = new List<double>();
        var sqlTimes = new List<double>();
        for (var run = 1; run <= repetitions; run++)
        {
            foreach (var serviceFirst in run % 2 == 1 ? new[] { true, false } : [false, true])
            {
                var (answer, milliseconds) = serviceFirst ? await ServiceHeadcountAsync() : await SqlHeadcountAsync(HeadcountSql);
                Check(serviceFirst ? "GetHeadcount" : "the SQL query", answer, "the expected headcount", expected);
                (serviceFirst ? serviceTimes : sqlTimes).Add(milliseconds);
                Console.WriteLine($"  run {run}: {(serviceFirst ? "GetHeadcount" : "SQL         ")} {milliseconds,7:F0} ms");
            }
        }

        var setBasedTimes = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var (answer, milliseconds) = await SqlHeadcountAsync(SetBasedHeadcountSql);
            Check("the set-based SQL query", answer, "the expected headcount", expected);
            setBasedTimes.Add(milliseconds);
        }

        Console.WriteLine($"  for comparison, the set-based query (DISTINCT ON over the legs): {string.Join(", ", setBasedTimes.Select(t => $"{t:F0} ms"))}");
        return new HeadcountFigures(data.People.Length, legs.Length, AsOf, expected.Total, expected.Rows.Count, serviceTimes, sqlTimes,
            setBasedTimes, loadSeconds);
    }

    /// <summary>
    /// How long the import's duplicate-manifest check takes once the history is loaded, and its
    /// plan: it looks for the manifest id among the mission's movements, which should be an index
    /// lookup on (mission_id, manifest_id), not a scan of every movement.
    /// </summary>
    public async Task<(double Milliseconds, string Plan)> DuplicateManifestCheckAsync()
    {
        const string sql = "SELECT EXISTS (SELECT 1 FROM movements AS m WHERE m.mission_id = $1 AND m.manifest_id = $2)";
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            await using var command = host.Database.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = BenchData.MissionId });
            command.Parameters.Add(new NpgsqlParameter { Value = "no-such-manifest" });
            var clock = Stopwatch.StartNew();
            await command.ExecuteScalarAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        await using var explain = host.Database.CreateCommand("EXPLAIN (COSTS OFF) " + sql.Replace("$1", "'bench'", StringComparison.Ordinal)
            .Replace("$2", "'no-such-manifest'", StringComparison.Ordinal));
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0).Trim());
        }

        return (Stats.Median(times), string.Join(" / ", plan));
    }

    private async Task<(HeadcountAnswer Answer, double Milliseconds)> ServiceHeadcountAsync()
    {
        Stats.SettleGarbageCollector();
        var clock = Stopwatch.StartNew();
        var headcount = await host.Client.GetHeadcountAsync(new GetHeadcountRequest
        {
            Parent = BenchData.Mission,
            AsOfDate = new Date { Year = AsOf.Year, Month = AsOf.Month, Day = AsOf.Day },
        });
        clock.Stop();
        if (headcount.Forecast || headcount.Total != headcount.Lines.Sum(l => l.Count))
        {
            throw new BenchmarkFailedException($"GetHeadcount answered forecast={headcount.Forecast}, total {headcount.Total} " +
                $"against {headcount.Lines.Sum(l => l.Count)} in its lines");
        }

        var answer = new HeadcountAnswer(headcount.Lines.Select(l => new HeadcountRow(l.Site, l.Component.ToString(), l.Category.ToString(), l.Count)));
        return (answer, clock.Elapsed.TotalMilliseconds);
    }

    private async Task<(HeadcountAnswer Answer, double Milliseconds)> SqlHeadcountAsync(string sql)
    {
        Stats.SettleGarbageCollector();
        var clock = Stopwatch.StartNew();
        var rows = new List<HeadcountRow>();
        await using (var connection = await host.Database.OpenConnectionAsync())
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter("mission", NpgsqlDbType.Text) { Value = BenchData.MissionId });
            command.Parameters.Add(new NpgsqlParameter("as_of", NpgsqlDbType.Date) { Value = AsOf });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new HeadcountRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        clock.Stop();
        return (new HeadcountAnswer(rows), clock.Elapsed.TotalMilliseconds);
    }

    private static void Check(string what, HeadcountAnswer answer, string against, HeadcountAnswer reference)
    {
        if (answer.Difference(reference) is { } difference)
        {
            throw new BenchmarkFailedException($"{what} and {against} disagree: {difference}");
        }
    }

    /// <summary>
    /// Writes the history in the order it would have accumulated, day by day, so a person's legs
    /// lie spread over the table as they would after years of imports, not side by side.
    /// </summary>
    private async Task<double> LoadAsync(HistoryLeg[] history)
    {
        var clock = Stopwatch.StartNew();
        var legs = history.OrderBy(l => l.EffectiveDate).ThenBy(l => l.Person).ThenBy(l => l.Sequence).ToArray();
        await host.ExecuteAsync("TRUNCATE movement_legs, movements, idempotency_records");
        var now = DateTimeOffset.UtcNow;
        await using (var connection = await host.Database.OpenConnectionAsync())
        {
            await using (var writer = await connection.BeginBinaryImportAsync(
                "COPY movements (mission_id, id, person_id, kind, mode, origin_site, destination_site, planned_date, departure_date, " +
                "arrival_date, state, people_count, manifest_id, create_time, update_time) FROM STDIN (FORMAT BINARY)"))
            {
                writer.Timeout = TimeSpan.FromMinutes(10);
                foreach (var leg in legs)
                {
                    writer.StartRow();
                    writer.Write(BenchData.MissionId, NpgsqlDbType.Text);
                    writer.Write(BenchData.HistoryMovementId(leg), NpgsqlDbType.Text);
                    writer.Write(data.People[leg.Person].Id, NpgsqlDbType.Text);
                    writer.Write(ImportBenchmark.KindColumn(leg.Kind), NpgsqlDbType.Varchar);
                    writer.Write(ImportBenchmark.ModeColumn(leg.Mode), NpgsqlDbType.Varchar);
                    writer.Write(data.SiteNames[leg.Origin], NpgsqlDbType.Text);
                    WriteSite(writer, leg.Destination);
                    writer.Write(leg.PlannedDate, NpgsqlDbType.Date);
                    WriteDate(writer, leg.ArrivalDate);
                    WriteDate(writer, leg.ArrivalDate);
                    writer.Write(leg.State.ToString(), NpgsqlDbType.Varchar);
                    writer.Write(1, NpgsqlDbType.Integer);
                    writer.Write("history", NpgsqlDbType.Text);
                    writer.Write(now, NpgsqlDbType.TimestampTz);
                    writer.Write(now, NpgsqlDbType.TimestampTz);
                }

                await writer.CompleteAsync();
            }

            await using (var writer = await connection.BeginBinaryImportAsync(
                "COPY movement_legs (mission_id, movement_id, person_id, origin_site, destination_site, effective_date, state) FROM STDIN (FORMAT BINARY)"))
            {
                writer.Timeout = TimeSpan.FromMinutes(10);
                foreach (var leg in legs)
                {
                    writer.StartRow();
                    writer.Write(BenchData.MissionId, NpgsqlDbType.Text);
                    writer.Write(BenchData.HistoryMovementId(leg), NpgsqlDbType.Text);
                    writer.Write(data.People[leg.Person].Id, NpgsqlDbType.Text);
                    writer.Write(data.SiteNames[leg.Origin], NpgsqlDbType.Text);
                    WriteSite(writer, leg.Destination);
                    writer.Write(leg.EffectiveDate, NpgsqlDbType.Date);
                    writer.Write(leg.State.ToString(), NpgsqlDbType.Varchar);
                }

                await writer.CompleteAsync();
            }
        }

        await host.ExecuteAsync("VACUUM ANALYZE personnel");
        await host.ExecuteAsync("VACUUM ANALYZE movements");
        await host.ExecuteAsync("VACUUM ANALYZE movement_legs");
        await host.ExecuteAsync("CHECKPOINT");
        return clock.Elapsed.TotalSeconds;
    }

    private void WriteSite(NpgsqlBinaryImporter writer, int site)
    {
        if (site == ManifestInput.None)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(data.SiteNames[site], NpgsqlDbType.Text);
        }
    }

    private static void WriteDate(NpgsqlBinaryImporter writer, DateOnly? day)
    {
        if (day is { } value)
        {
            writer.Write(value, NpgsqlDbType.Date);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
