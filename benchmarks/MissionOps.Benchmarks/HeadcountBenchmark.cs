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

public sealed record OccupancyFigures(int Present, int Residual, int Sites, IReadOnlyList<double> ServiceMilliseconds, IReadOnlyList<double> SqlMilliseconds)
{
    public double Ratio => Stats.Median(ServiceMilliseconds) / Stats.Median(SqlMilliseconds);
}

/// <summary>The movement history and residual roster loaded for the headcount and occupancy.</summary>
public sealed record BenchHistory(HistoryLeg[] Legs, int LegsPerPerson, RosterEntry[] Roster, double LoadSeconds);

/// <summary>
/// GetHeadcount and ListSiteOccupancies as of a past day over the history of every person, against hand-written
/// queries run directly with Npgsql. Both answers, and a third computed in memory from the
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
    public const string HeadcountSql = $"""
        SELECT located.site, located.component, located.category, count(*)::int
        FROM ({Located}) located
        WHERE located.site IS NOT NULL
        GROUP BY located.site, located.component, located.category
        """;

    /// <summary>Everyone of the mission there on @as_of, with the site <see cref="HeadcountSql"/> describes.</summary>
    private const string Located = """
        SELECT p.id, p.component, p.category,
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

    /// <summary>
    /// Where everyone's site occupancy on @as_of comes from: the same located rows as <see cref="HeadcountSql"/>, counted by
    /// site, with those the residual roster retains at that site on that day (an entry not deleted, ending on or after it).
    /// The roster is keyed by person, so the join finds at most one entry each.
    /// </summary>
    public const string OccupancySql = $"""
        SELECT located.site, count(*)::int, count(r.person_id)::int
        FROM ({Located}) located
        LEFT JOIN residual_roster r ON r.mission_id = @mission AND r.person_id = located.id AND r.site = located.site
            AND @as_of <= r.end_date AND r.delete_time IS NULL
        WHERE located.site IS NOT NULL
        GROUP BY located.site
        """;

    /// <summary>Writes <paramref name="legsPerPerson"/> movements for everyone, and the residual roster, then vacuums.</summary>
    public async Task<BenchHistory> LoadAsync(int legsPerPerson)
    {
        var legs = data.History(legsPerPerson);
        var roster = data.ResidualRoster(legs, legsPerPerson, AsOf);
        var loadSeconds = await LoadAsync(legs, roster);
        Console.WriteLine($"  loaded {legs.Length:N0} movements and as many legs for {data.People.Length:N0} people, and {roster.Length:N0} " +
            $"residual roster entries, in {loadSeconds:F1} s, then VACUUM ANALYZE");
        return new BenchHistory(legs, legsPerPerson, roster, loadSeconds);
    }

    public async Task<HeadcountFigures> RunAsync(BenchHistory history, int repetitions)
    {
        var expected = data.ExpectedHeadcount(history.Legs, history.LegsPerPerson, AsOf);
        var (serviceTimes, sqlTimes) = await CompareAsync("GetHeadcount", ServiceHeadcountAsync, () => SqlHeadcountAsync(HeadcountSql), expected,
            repetitions, $"{expected.Total:N0} people in {expected.Rows.Count} site/component/category lines");

        var setBasedTimes = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var (answer, milliseconds) = await SqlHeadcountAsync(SetBasedHeadcountSql);
            Check("the set-based SQL query", answer, "the expected headcount", expected);
            setBasedTimes.Add(milliseconds);
        }

        Console.WriteLine($"  for comparison, the set-based query (DISTINCT ON over the legs): {string.Join(", ", setBasedTimes.Select(t => $"{t:F0} ms"))}");
        return new HeadcountFigures(data.People.Length, history.Legs.Length, AsOf, expected.Total, expected.Rows.Count, serviceTimes, sqlTimes,
            setBasedTimes, history.LoadSeconds);
    }

    /// <summary>ListSiteOccupancies for the whole mission as of <see cref="AsOf"/> against <see cref="OccupancySql"/>.</summary>
    public async Task<OccupancyFigures> RunOccupancyAsync(BenchHistory history, int repetitions)
    {
        var expected = data.ExpectedOccupancy(history.Legs, history.LegsPerPerson, history.Roster, AsOf);
        var (serviceTimes, sqlTimes) = await CompareAsync("ListSiteOccupancies", ServiceOccupancyAsync, SqlOccupancyAsync, expected, repetitions,
            $"{expected.Total:N0} people at {expected.Rows.Count} sites, {expected.Residual:N0} of them retained there");
        return new OccupancyFigures(expected.Total, expected.Residual, expected.Rows.Count, serviceTimes, sqlTimes);
    }

    /// <summary>
    /// A warm-up of each, checked against the answer computed from the generated rows and against each other, then
    /// <paramref name="repetitions"/> runs of both, alternating which goes first; every answer is checked.
    /// </summary>
    private static async Task<(List<double> Service, List<double> Sql)> CompareAsync<TAnswer>(string rpc,
        Func<Task<(TAnswer Answer, double Milliseconds)>> service, Func<Task<(TAnswer Answer, double Milliseconds)>> sql, TAnswer expected,
        int repetitions, string answered)
        where TAnswer : IAnswer<TAnswer>
    {
        const string Computed = "the answer computed from the generated rows";
        var warmService = await service();
        var warmSql = await sql();
        Check(rpc, warmService.Answer, Computed, expected);
        Check("the SQL query", warmSql.Answer, Computed, expected);
        Check(rpc, warmService.Answer, "the SQL query", warmSql.Answer);
        Console.WriteLine($"  warm-up: {rpc} {warmService.Milliseconds:F0} ms, SQL {warmSql.Milliseconds:F0} ms; both answer {answered}, " +
            "as computed from the generated rows");

        var serviceTimes = new List<double>();
        var sqlTimes = new List<double>();
        for (var run = 1; run <= repetitions; run++)
        {
            foreach (var serviceFirst in run % 2 == 1 ? new[] { true, false } : [false, true])
            {
                var (answer, milliseconds) = serviceFirst ? await service() : await sql();
                Check(serviceFirst ? rpc : "the SQL query", answer, Computed, expected);
                (serviceFirst ? serviceTimes : sqlTimes).Add(milliseconds);
                Console.WriteLine($"  run {run}: {(serviceFirst ? rpc : "SQL").PadRight(rpc.Length)} {milliseconds,7:F0} ms");
            }
        }

        return (serviceTimes, sqlTimes);
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

    private Task<(HeadcountAnswer Answer, double Milliseconds)> SqlHeadcountAsync(string sql) =>
        SqlAsync(sql, r => new HeadcountRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3)), rows => new HeadcountAnswer(rows));

    private async Task<(OccupancyAnswer Answer, double Milliseconds)> ServiceOccupancyAsync()
    {
        Stats.SettleGarbageCollector();
        var clock = Stopwatch.StartNew();
        var rows = new List<OccupancyRow>();
        var pageToken = string.Empty;
        do
        {
            var page = await host.Client.ListSiteOccupanciesAsync(new ListSiteOccupanciesRequest
            {
                Parent = BenchData.Mission,
                AsOfDate = new Date { Year = AsOf.Year, Month = AsOf.Month, Day = AsOf.Day },
                PageToken = pageToken,
            });
            foreach (var occupancy in page.SiteOccupancies)
            {
                if (occupancy.RemainingCount != occupancy.PresentCount - occupancy.ResidualCount)
                {
                    throw new BenchmarkFailedException($"ListSiteOccupancies answered {occupancy.PresentCount} present at {occupancy.Site}, " +
                        $"{occupancy.ResidualCount} residual and {occupancy.RemainingCount} remaining");
                }

                rows.Add(new OccupancyRow(occupancy.Site, occupancy.PresentCount, occupancy.ResidualCount));
            }

            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0);

        clock.Stop();
        return (new OccupancyAnswer(rows), clock.Elapsed.TotalMilliseconds);
    }

    private Task<(OccupancyAnswer Answer, double Milliseconds)> SqlOccupancyAsync() =>
        SqlAsync(OccupancySql, r => new OccupancyRow(r.GetString(0), r.GetInt32(1), r.GetInt32(2)), rows => new OccupancyAnswer(rows));

    /// <summary>A baseline query on a connection of its own, timed from opening it to the last row read.</summary>
    private async Task<(TAnswer Answer, double Milliseconds)> SqlAsync<TRow, TAnswer>(string sql, Func<NpgsqlDataReader, TRow> row,
        Func<List<TRow>, TAnswer> answer)
    {
        Stats.SettleGarbageCollector();
        var clock = Stopwatch.StartNew();
        var rows = new List<TRow>();
        await using (var connection = await host.Database.OpenConnectionAsync())
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter("mission", NpgsqlDbType.Text) { Value = BenchData.MissionId });
            command.Parameters.Add(new NpgsqlParameter("as_of", NpgsqlDbType.Date) { Value = AsOf });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(row(reader));
            }
        }

        clock.Stop();
        return (answer(rows), clock.Elapsed.TotalMilliseconds);
    }

    private static void Check<TAnswer>(string what, TAnswer answer, string against, TAnswer reference)
        where TAnswer : IAnswer<TAnswer>
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
    private async Task<double> LoadAsync(HistoryLeg[] history, RosterEntry[] roster)
    {
        var clock = Stopwatch.StartNew();
        var legs = history.OrderBy(l => l.EffectiveDate).ThenBy(l => l.Person).ThenBy(l => l.Sequence).ToArray();
        await host.ExecuteAsync("TRUNCATE movement_legs, movements, residual_roster, idempotency_records");
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

            await using (var writer = await connection.BeginBinaryImportAsync(
                "COPY residual_roster (mission_id, person_id, \"group\", site, end_date, create_time, role_en, role_fr, delete_time) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var entry in roster)
                {
                    writer.StartRow();
                    writer.Write(BenchData.MissionId, NpgsqlDbType.Text);
                    writer.Write(data.People[entry.Person].Id, NpgsqlDbType.Text);
                    writer.Write(nameof(ResidualGroup.LiquidationTeam), NpgsqlDbType.Varchar);
                    writer.Write(data.SiteNames[entry.Site], NpgsqlDbType.Text);
                    writer.Write(entry.EndDate, NpgsqlDbType.Date);
                    writer.Write(now, NpgsqlDbType.TimestampTz);
                    writer.Write("Camp closure", NpgsqlDbType.Varchar);
                    writer.Write("Fermeture du camp", NpgsqlDbType.Varchar);
                    WriteTime(writer, entry.Deleted ? now : null);
                }

                await writer.CompleteAsync();
            }
        }

        await host.ExecuteAsync("VACUUM ANALYZE personnel");
        await host.ExecuteAsync("VACUUM ANALYZE residual_roster");
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

    private static void WriteTime(NpgsqlBinaryImporter writer, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.Write(value, NpgsqlDbType.TimestampTz);
        }
        else
        {
            writer.WriteNull();
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
