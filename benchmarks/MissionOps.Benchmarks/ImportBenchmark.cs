using System.Diagnostics;
using Grpc.Core;
using MissionOps.Personnel.V1;
using Npgsql;
using NpgsqlTypes;
using Date = Google.Type.Date;

namespace MissionOps.Benchmarks;

public sealed record ImportFigures(
    int Rows, IReadOnlyList<double> ServiceSeconds, IReadOnlyList<double> StreamSeconds, IReadOnlyList<double> CopySeconds,
    IReadOnlyList<double> FloorSeconds)
{
    public double ServiceRowsPerSecond => Rows / Stats.Median(ServiceSeconds);

    public double CopyRowsPerSecond => Rows / Stats.Median(CopySeconds);

    /// <summary>Service throughput over COPY throughput: 1 would be as fast as COPY.</summary>
    public double Ratio => ServiceRowsPerSecond / CopyRowsPerSecond;
}

/// <summary>
/// The same manifest rows, written once through ImportMovementManifest (a client stream of a
/// header, then the rows in messages of <see cref="BatchSize"/>) and once with a hand-written
/// binary COPY of the same columns into the same two tables. Both paths start from the same in-memory rows and end
/// when the rows are committed; the tables are emptied before every run, so each run writes
/// into empty tables and indexes.
/// </summary>
public sealed class ImportBenchmark(BenchHost host, BenchData data)
{
    /// <summary>Rows per stream message, as a partner tool would batch them.</summary>
    public const int BatchSize = 1000;

    private const string MovementColumns =
        "mission_id, id, person_id, unit_id, kind, mode, origin_site, destination_site, planned_date, departure_date, " +
        "arrival_date, state, people_count, manifest_id, create_time, update_time";

    private const string LegColumns = "mission_id, movement_id, person_id, origin_site, destination_site, effective_date, state";

    public async Task<ImportFigures> RunAsync(int rowCount, int warmUpRows, int repetitions)
    {
        var rows = data.ManifestRows(rowCount);

        // Warm-up: JIT, connection pools, the Sites client; and proof that both paths write the same rows.
        await ResetAsync();
        var warmUp = new ArraySegment<ManifestInput>(rows, 0, warmUpRows);
        var (_, _, warmUpCompleted) = await ImportThroughServiceAsync(warmUp, "warmup-service");
        await ImportWithCopyAsync(warmUp, "warmup-copy", []);
        await CheckSameRowsAsync("warmup-service", "warmup-copy", warmUpRows);
        Console.WriteLine($"  warm-up: {warmUpRows:N0} rows through the service ({warmUpCompleted:N0} completed) and with COPY; " +
            "both wrote identical movements and legs");

        var all = new ArraySegment<ManifestInput>(rows);
        var events = await EventsOfAsync(all);
        Console.WriteLine($"  the import writes {events.Count:N0} events: " +
            string.Join(", ", events.GroupBy(e => e.Type.Split('.')[^1]).Select(g => $"{g.Count():N0} {g.Key}")));
        var expectedCompleted = rows.Count(r => r.ArrivalDate is not null);
        var service = new List<double>();
        var streaming = new List<double>();
        var copy = new List<double>();
        for (var run = 1; run <= repetitions; run++)
        {
            // Alternate which path goes first, so neither always follows the other.
            foreach (var serviceFirst in run % 2 == 1 ? new[] { true, false } : [false, true])
            {
                await ResetAsync();
                if (serviceFirst)
                {
                    var (seconds, streamSeconds, completed) = await ImportThroughServiceAsync(all, $"run{run}-service");
                    if (completed != expectedCompleted)
                    {
                        throw new BenchmarkFailedException($"the service recorded {completed} completed movements, {expectedCompleted} expected");
                    }

                    service.Add(seconds);
                    streaming.Add(streamSeconds);
                    Console.WriteLine($"  run {run}: service {seconds,6:F2} s  {rowCount / seconds,9:N0} rows/s  " +
                        $"(rows sent in {streamSeconds:F2} s, answer {seconds - streamSeconds:F2} s after the last row)");
                }
                else
                {
                    var (seconds, eventSeconds) = await ImportWithCopyAsync(all, $"run{run}-copy", events);
                    copy.Add(seconds);
                    Console.WriteLine($"  run {run}: COPY    {seconds,6:F2} s  {rowCount / seconds,9:N0} rows/s  (of which the events {eventSeconds:F2} s)");
                }
            }
        }

        await ResetAsync();

        // The floor: the same rows to a server that only counts them.
        var floor = new List<double>();
        await using (var countingOnly = await StreamingFloor.StartAsync())
        {
            await StreamManifestAsync(countingOnly.Client, warmUp, "warmup-floor");
            for (var run = 1; run <= 3; run++)
            {
                var (seconds, _, _) = await StreamManifestAsync(countingOnly.Client, all, $"run{run}-floor");
                floor.Add(seconds);
            }
        }

        Console.WriteLine($"  floor: the same rows streamed to a server that only counts them: {string.Join(", ", floor.Select(f => $"{f:F2} s"))}");
        return new ImportFigures(rowCount, service, streaming, copy, floor);
    }

    /// <summary>
    /// One import through the service, timed from the call's start to its answer; also how long
    /// the client took to send the rows (the grpc-dotnet client flushes every message, so each
    /// batch goes out at once). The service writes the movements as their rows arrive, so what
    /// follows the last row is the rest of their COPY, the checks against Sites and of the origins,
    /// the legs, the events and the commit.
    /// </summary>
    private Task<(double Seconds, double StreamSeconds, int Completed)> ImportThroughServiceAsync(ArraySegment<ManifestInput> rows, string manifestId) =>
        StreamManifestAsync(host.Client, rows, manifestId);

    private async Task<(double Seconds, double StreamSeconds, int Completed)> StreamManifestAsync(
        PersonnelService.PersonnelServiceClient client, ArraySegment<ManifestInput> rows, string manifestId)
    {
        Stats.SettleGarbageCollector();
        var clock = Stopwatch.StartNew();
        using var call = client.ImportMovementManifest();
        await call.RequestStream.WriteAsync(new ImportMovementManifestRequest
        {
            Header = new ManifestHeader { Parent = BenchData.Mission, ManifestId = manifestId, RequestId = Guid.NewGuid().ToString() },
        });
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await call.RequestStream.WriteAsync(new ImportMovementManifestRequest
            {
                Rows = new ManifestRows
                {
                    Rows =
                    {
                        batch.Select(row => new ManifestRow
                        {
                            IndexNumber = data.People[row.Person].IndexNumber,
                            Kind = row.Kind,
                            Mode = row.Mode,
                            OriginSite = data.SiteNames[row.Origin],
                            DestinationSite = row.Destination == ManifestInput.None ? string.Empty : data.SiteNames[row.Destination],
                            PlannedDate = ToDate(row.PlannedDate),
                            ArrivalDate = row.ArrivalDate is { } arrival ? ToDate(arrival) : null,
                        }),
                    },
                },
            });
        }

        await call.RequestStream.CompleteAsync();
        var streamed = clock.Elapsed.TotalSeconds;
        ImportMovementManifestResponse response;
        try
        {
            response = await call.ResponseAsync;
        }
        catch (RpcException e)
        {
            throw new BenchmarkFailedException($"ImportMovementManifest failed: {e.Status}");
        }

        clock.Stop();
        if (response.MovementCount != rows.Count)
        {
            throw new BenchmarkFailedException($"the service stored {response.MovementCount} movements of {rows.Count}");
        }

        return (clock.Elapsed.TotalSeconds, streamed, response.CompletedCount);
    }

    /// <summary>
    /// The baseline: what the rows cost to write with nothing but COPY, in one transaction: the movements, their
    /// legs and the import's events (their bytes as a service run made them). Also how long the events took.
    /// </summary>
    private async Task<(double Seconds, double EventSeconds)> ImportWithCopyAsync(ArraySegment<ManifestInput> rows, string manifestId,
        IReadOnlyList<(string Type, string Resource, byte[] Payload)> events)
    {
        Stats.SettleGarbageCollector();
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var ids = new string[rows.Count];
        await using var connection = await host.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY movements ({MovementColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                ids[i] = $"{manifestId}-{i:D6}";
                writer.StartRow();
                writer.Write(BenchData.MissionId, NpgsqlDbType.Text);
                writer.Write(ids[i], NpgsqlDbType.Text);
                writer.Write(data.People[row.Person].Id, NpgsqlDbType.Text);
                writer.WriteNull();
                writer.Write(KindColumn(row.Kind), NpgsqlDbType.Varchar);
                writer.Write(ModeColumn(row.Mode), NpgsqlDbType.Varchar);
                writer.Write(data.SiteNames[row.Origin], NpgsqlDbType.Text);
                WriteSite(writer, row.Destination);
                writer.Write(row.PlannedDate, NpgsqlDbType.Date);
                if (row.ArrivalDate is { } arrival)
                {
                    // A row that arrives completed left and arrived that day.
                    writer.Write(arrival, NpgsqlDbType.Date);
                    writer.Write(arrival, NpgsqlDbType.Date);
                    writer.Write("Completed", NpgsqlDbType.Varchar);
                }
                else
                {
                    writer.WriteNull();
                    writer.WriteNull();
                    writer.Write("Planned", NpgsqlDbType.Varchar);
                }

                writer.Write(1, NpgsqlDbType.Integer);
                writer.Write(manifestId, NpgsqlDbType.Text);
                writer.Write(now, NpgsqlDbType.TimestampTz);
                writer.Write(now, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync($"COPY movement_legs ({LegColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                writer.StartRow();
                writer.Write(BenchData.MissionId, NpgsqlDbType.Text);
                writer.Write(ids[i], NpgsqlDbType.Text);
                writer.Write(data.People[row.Person].Id, NpgsqlDbType.Text);
                writer.Write(data.SiteNames[row.Origin], NpgsqlDbType.Text);
                WriteSite(writer, row.Destination);
                writer.Write(row.ArrivalDate ?? row.PlannedDate, NpgsqlDbType.Date);
                writer.Write(row.ArrivalDate is null ? "Planned" : "Completed", NpgsqlDbType.Varchar);
            }

            await writer.CompleteAsync();
        }

        var beforeEvents = clock.Elapsed.TotalSeconds;
        await using (var writer = await connection.BeginBinaryImportAsync("COPY outbox_events (mission_id, type, resource, occur_time, payload) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (type, resource, payload) in events)
            {
                writer.StartRow();
                writer.Write(BenchData.MissionId, NpgsqlDbType.Text);
                writer.Write(type, NpgsqlDbType.Text);
                writer.Write(resource, NpgsqlDbType.Text);
                writer.Write(now, NpgsqlDbType.TimestampTz);
                writer.Write(payload, NpgsqlDbType.Bytea);
            }

            await writer.CompleteAsync();
        }

        var eventSeconds = clock.Elapsed.TotalSeconds - beforeEvents;
        await transaction.CommitAsync();
        clock.Stop();
        return (clock.Elapsed.TotalSeconds, eventSeconds);
    }

    /// <summary>Both manifests hold the same movements and legs, row for row (ids compared by their row number).</summary>
    private async Task CheckSameRowsAsync(string first, string second, int expected)
    {
        const string movements = """
            SELECT right(id, 6), person_id, unit_id, kind, mode, origin_site, destination_site, planned_date, departure_date,
                   arrival_date, state, people_count, hold_reason::text, cancel_reason::text
            FROM movements WHERE mission_id = 'bench' AND manifest_id = $1
            """;
        const string legs = """
            SELECT right(movement_id, 6), person_id, origin_site, destination_site, effective_date, state
            FROM movement_legs WHERE mission_id = 'bench' AND starts_with(movement_id, $1 || '-')
            """;
        foreach (var (table, select) in new[] { ("movements", movements), ("movement_legs", legs) })
        {
            var sql = $"""
                SELECT (SELECT count(*) FROM ({select}) a),
                       (SELECT count(*) FROM ({select.Replace("$1", "$2", StringComparison.Ordinal)}) b),
                       (SELECT count(*) FROM (({select}) EXCEPT ({select.Replace("$1", "$2", StringComparison.Ordinal)})) d),
                       (SELECT count(*) FROM (({select.Replace("$1", "$2", StringComparison.Ordinal)}) EXCEPT ({select})) d)
                """;
            await using var command = host.Database.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = first });
            command.Parameters.Add(new NpgsqlParameter { Value = second });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (a, b, onlyFirst, onlySecond) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            if (a != expected || b != expected || onlyFirst != 0 || onlySecond != 0)
            {
                throw new BenchmarkFailedException(
                    $"{table}: {first} has {a} rows, {second} has {b} ({expected} expected); {onlyFirst} only in {first}, {onlySecond} only in {second}");
            }
        }
    }

    private Task ResetAsync() => host.ExecuteAsync("TRUNCATE movement_legs, movements, idempotency_records, outbox_events, audit_entries; CHECKPOINT");

    /// <summary>The events an import of the rows puts in the outbox, as an untimed service run wrote them, for the baseline to write as they are.</summary>
    private async Task<List<(string Type, string Resource, byte[] Payload)>> EventsOfAsync(ArraySegment<ManifestInput> rows)
    {
        await ResetAsync();
        await ImportThroughServiceAsync(rows, "events");
        var events = new List<(string, string, byte[])>();
        await using var command = host.Database.CreateCommand("SELECT type, resource, payload FROM outbox_events ORDER BY sequence");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
        }

        return events;
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

    private static Date ToDate(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    internal static string KindColumn(MovementKind kind) => kind == MovementKind.Transfer ? "Transfer" : "Repatriation";

    internal static string ModeColumn(MovementMode mode) => mode == MovementMode.Flight ? "Flight" : "RoadConvoy";
}
