using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using MissionOps.Personnel.V1;

namespace MissionOps.Personnel.Manifests;

/// <summary>
/// A manifest as a CSV file (UTF-8, RFC 4180, comma-separated, a header row), read as it arrives into the rows of
/// <see cref="ManifestRow"/>. Columns are found by header name, in any order and any case; others are ignored.
/// Required: <c>index_number</c>, <c>kind</c>, <c>mode</c>, <c>origin_site</c>, <c>planned_date</c>; optional:
/// <c>destination_site</c>, <c>arrival_date</c>. An HXL hashtag row (<c>#…</c>) right under the header is skipped.
/// A cell that cannot be one of the row's fields is named as the RPC names a bad row, <c>rows[1207].planned_date</c>,
/// rows counted from 0; a cell that parses but breaks a rule (an unknown person, a required value left empty) is
/// passed on, for the RPC to name.
/// </summary>
public sealed class ManifestCsv : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Required = ["index_number", "kind", "mode", "origin_site", "planned_date"];

    public static readonly IReadOnlyList<string> Optional = ["destination_site", "arrival_date"];

    /// <summary>A batch is sent once this big however few its rows, far under the 4 MiB a message may weigh.</summary>
    public const int MaxBatchBytes = 1024 * 1024;

    private const string Day = "a day, YYYY-MM-DD";

    private readonly CsvReader _reader;
    private readonly string _missionId;
    private readonly Dictionary<string, int> _columns;

    private ManifestCsv(CsvReader reader, string missionId, Dictionary<string, int> columns) =>
        (_reader, _missionId, _columns) = (reader, missionId, columns);

    /// <summary>Reads the header row; a required column it lacks is INVALID_ARGUMENT naming the column.</summary>
    public static async Task<ManifestCsv> OpenAsync(Stream body, string missionId, CancellationToken ct)
    {
        var reader = CsvReader.Create(body, new CsvReaderOptions
        {
            Separator = ',',
            MalformedData = CsvMalformedDataHandling.Throw,
            // No line of a manifest is long: a bigger one is a broken quote running on, not a row.
            MaxRecordSize = 64 * 1024,
        }, leaveOpen: true);
        try
        {
            await reader.ReadHeaderAsync(ct);
        }
        catch (CsvFormatException e)
        {
            await reader.DisposeAsync();
            throw new InvalidArgumentException("header", $"is not a CSV header row: {e.Message}");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<FieldViolation>();
        foreach (var name in Required.Concat(Optional))
        {
            if (reader.TryGetFieldIndex(name, out var index))
            {
                columns[name] = index;
            }
            else if (Required.Contains(name))
            {
                missing.Add(new FieldViolation(name, $"is a required column: the CSV's header row has no '{name}'"));
            }
        }

        if (missing.Count > 0)
        {
            await reader.DisposeAsync();
            throw new InvalidArgumentException(missing);
        }

        return new ManifestCsv(reader, missionId, columns);
    }

    /// <summary>
    /// The rows in batches of <paramref name="size"/>, as they are read, while every row parses. After the first that
    /// does not, none is given; the rest of the file is read to name every such row, and the violations are thrown.
    /// </summary>
    public async IAsyncEnumerable<ManifestRows> BatchesAsync(int size, [EnumeratorCancellation] CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        var more = 0;
        var batch = new ManifestRows();
        var bytes = 0;
        var position = 0;
        var first = true;
        while (await ReadAsync(position, violations, ct))
        {
            var hashtags = first && Cell("index_number").StartsWith('#');
            first = false;
            if (hashtags)
            {
                continue;
            }

            var bad = new List<FieldViolation>();
            var row = Row(position, bad);
            more += Math.Max(0, violations.Count + bad.Count - ManifestReader.MaxListedViolations);
            violations.AddRange(bad.Take(ManifestReader.MaxListedViolations - violations.Count));
            position++;
            if (violations.Count > 0)
            {
                continue;
            }

            batch.Rows.Add(row);
            bytes += row.CalculateSize();
            if (batch.Rows.Count == size || bytes >= MaxBatchBytes)
            {
                yield return batch;
                (batch, bytes) = (new ManifestRows(), 0);
            }
        }

        if (violations.Count > 0)
        {
            if (more > 0)
            {
                violations.Add(new FieldViolation("rows", $"{more} more violation(s) not listed"));
            }

            throw new InvalidArgumentException(violations);
        }

        if (batch.Rows.Count > 0)
        {
            yield return batch;
        }
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private async Task<bool> ReadAsync(int position, List<FieldViolation> violations, CancellationToken ct)
    {
        try
        {
            return await _reader.ReadAsync(ct);
        }
        catch (CsvFormatException e)
        {
            // Past broken quoting nothing can be told apart: the rows read so far are named, then this one.
            violations.Add(new FieldViolation($"rows[{position}]", $"is not a CSV row: {e.Message}"));
            throw new InvalidArgumentException(violations);
        }
    }

    private ManifestRow Row(int position, List<FieldViolation> bad)
    {
        T? Parsed<T>(string column, Func<string, T?> parse, string expected)
            where T : struct
        {
            var cell = Cell(column);
            var value = parse(cell);
            if (value is null && cell.Length > 0)
            {
                bad.Add(new FieldViolation($"rows[{position}].{column}", $"'{cell}' is not {expected}"));
            }

            return value;
        }

        // An empty cell is left unset, for the RPC to say whether it is required.
        return new ManifestRow
        {
            IndexNumber = Cell("index_number"),
            Kind = Parsed("kind", KindOf, "a movement kind: transfer or repatriation") ?? MovementKind.Unspecified,
            Mode = Parsed("mode", ModeOf, "a movement mode: road or flight") ?? MovementMode.Unspecified,
            OriginSite = SiteName(Cell("origin_site")),
            DestinationSite = SiteName(Cell("destination_site")),
            PlannedDate = Parsed("planned_date", DayOf, Day)?.ToProto(),
            ArrivalDate = Parsed("arrival_date", DayOf, Day)?.ToProto(),
        };
    }

    private string Cell(string column) => _columns.TryGetValue(column, out var index) ? (_reader.GetString(index) ?? string.Empty).Trim() : string.Empty;

    /// <summary>A site id (<c>sevare</c>) is a site of the mission; a full name is passed on as written.</summary>
    private string SiteName(string cell) => cell.Length == 0 || cell.Contains('/') ? cell : $"missions/{_missionId}/sites/{cell}";

    private static MovementKind? KindOf(string cell) => cell.ToUpperInvariant() switch
    {
        "TRANSFER" or "MOVEMENT_KIND_TRANSFER" => MovementKind.Transfer,
        "REPATRIATION" or "MOVEMENT_KIND_REPATRIATION" => MovementKind.Repatriation,
        _ => null,
    };

    private static MovementMode? ModeOf(string cell) => cell.ToUpperInvariant() switch
    {
        "ROAD" or "ROAD_CONVOY" or "MOVEMENT_MODE_ROAD_CONVOY" => MovementMode.RoadConvoy,
        "FLIGHT" or "MOVEMENT_MODE_FLIGHT" => MovementMode.Flight,
        _ => null,
    };

    private static DateOnly? DayOf(string cell) =>
        DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
