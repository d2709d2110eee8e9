using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using MissionOps.Client;
using MissionOps.Personnel.V1;
using Spectre.Console;
using Date = Google.Type.Date;

namespace MissionOps.Cli.Commands;

/// <summary>
/// <c>missionops manifest import FILE.csv --mission minusma --manifest-id flight-2023-12-07</c>: streams the rows to
/// ImportMovementManifest with a progress bar. The service checks every row; a refused manifest stores nothing and its
/// bad rows are listed by CSV line and field. The same <c>--request-id</c> sent again stores nothing twice.
/// </summary>
public static partial class ManifestCommand
{
    private const int Batch = 1000;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = Texts.Say("CSV with a header: index_number,kind,mode,origin_site,destination_site,planned_date,arrival_date", "CSV avec un en-tête : index_number,kind,mode,origin_site,destination_site,planned_date,arrival_date"),
        };
        var mission = new Option<string>("--mission") { Description = Texts.Say("Mission id (minusma)", "Identifiant de la mission (minusma)"), Required = true };
        var manifestId = new Option<string>("--manifest-id") { Description = Texts.Say("The manifest's id (flight-2023-12-07)", "L'identifiant du manifeste (flight-2023-12-07)"), Required = true };
        var requestId = new Option<Guid?>("--request-id") { Description = Texts.Say("Resend a manifest with the id it was first sent with: nothing is stored twice", "Renvoyer un manifeste avec l'identifiant de son premier envoi : rien n'est enregistré deux fois") };
        var import = new Command("import", Texts.Say("Import a movement manifest from a CSV file", "Importer un manifeste de mouvements depuis un fichier CSV")) { file, mission, manifestId, requestId };
        import.SetAction((parse, ct) => Outcome.Run(async () =>
        {
            var csv = parse.GetValue(file)!;
            if (!csv.Exists)
            {
                throw new UsageException(Texts.Say($"No file {csv.FullName}.", $"Aucun fichier {csv.FullName}."));
            }

            var id = parse.GetValue(requestId) ?? Guid.NewGuid();
            AnsiConsole.MarkupLineInterpolated($"{Texts.Say("request id", "identifiant de requête")}: {id}");
            using var missionOps = Connection.Open(parse);
            try
            {
                var answer = await SendAsync(missionOps, csv, parse.GetValue(mission)!, parse.GetValue(manifestId)!, id, ct);
                AnsiConsole.MarkupLineInterpolated(
                    $"[green]{answer.ManifestId}[/]: {answer.MovementCount:N0} {Texts.Say("movements stored", "mouvements enregistrés")}, {answer.CompletedCount:N0} {Texts.Say("completed", "achevés")}");
                return Outcome.Done;
            }
            catch (MissionOpsException refused) when (refused.FieldViolations.Count > 0)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{refused.Code} {refused.Reason}[/]: {refused.LocalizedMessage ?? refused.Message}");
                AnsiConsole.Write(BadRows(refused));
                return Outcome.Refused;
            }
        }));
        return new Command("manifest", Texts.Say("Movement manifests", "Manifestes de mouvements")) { import };
    }

    private static async Task<ImportMovementManifestResponse> SendAsync(MissionOpsClient missionOps, FileInfo csv, string mission, string manifestId, Guid requestId,
        CancellationToken ct)
    {
        var total = File.ReadLines(csv.FullName).Skip(1).Count(l => l.Length > 0);
        using var call = missionOps.Personnel.ImportMovementManifest(cancellationToken: ct);
        await call.RequestStream.WriteAsync(new ImportMovementManifestRequest
        {
            Header = new ManifestHeader { Parent = $"missions/{mission}", ManifestId = manifestId, RequestId = requestId.ToString() },
        }, ct);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        async Task SendRows(Action<int> progressed)
        {
            foreach (var batch in Rows(csv, mission).Chunk(Batch))
            {
                await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Rows = new ManifestRows { Rows = { batch } } }, ct);
                sent += batch.Length;
                progressed(sent);
            }

            await call.RequestStream.CompleteAsync();
        }

        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Texts.Say("rows sent", "lignes envoyées"), maxValue: Math.Max(total, 1));
                    await SendRows(n =>
                    {
                        task.Value = n;
                        task.Description = $"{n:N0}/{total:N0} {Texts.Say("rows", "lignes")} ({n / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s)";
                    });
                });
        }
        else
        {
            var step = Math.Max(total / 10, Batch);
            var next = step;
            await SendRows(n =>
            {
                if (n >= next || n == total)
                {
                    Console.WriteLine($"{Texts.Say("sent", "envoyé")} {n:N0}/{total:N0} {Texts.Say("rows", "lignes")}, " +
                        $"{n / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s, {Texts.Say("left", "reste")} " +
                        $"{TimeSpan.FromSeconds((total - n) / Math.Max(n / Math.Max(clock.Elapsed.TotalSeconds, 0.001), 1)):mm\\:ss}");
                    next += step;
                }
            });
        }

        return await call.ResponseAsync;
    }

    /// <summary>The CSV's rows as the contract's: a value the tool cannot read is sent empty, for the service to name with its row.</summary>
    private static IEnumerable<ManifestRow> Rows(FileInfo csv, string mission)
    {
        using var file = File.OpenRead(csv.FullName);
        using var rows = CsvReader.Create(file, CsvReaderOptions.Default, false);
        rows.ReadHeader();
        while (rows.Read())
        {
            string Field(string name) => rows.GetStringOrNull(name)?.Trim() ?? string.Empty;
            var destination = Field("destination_site");
            yield return new ManifestRow
            {
                IndexNumber = Field("index_number"),
                Kind = Parse<MovementKind>(Field("kind"), "MOVEMENT_KIND_"),
                Mode = Parse<MovementMode>(Field("mode"), "MOVEMENT_MODE_"),
                OriginSite = SiteName(Field("origin_site"), mission),
                DestinationSite = destination.Length == 0 ? string.Empty : SiteName(destination, mission),
                PlannedDate = DateOf(Field("planned_date")),
                ArrivalDate = DateOf(Field("arrival_date")),
            };
        }
    }

    private static TEnum Parse<TEnum>(string? value, string prefix)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(string.Concat((value ?? string.Empty).Replace(prefix, string.Empty, StringComparison.OrdinalIgnoreCase)
            .Split('_', '-', ' ').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant())), out var parsed)
            && Enum.IsDefined(parsed) ? parsed : default;

    private static string SiteName(string? site, string mission) =>
        string.IsNullOrEmpty(site) || site.Contains('/', StringComparison.Ordinal) ? site ?? string.Empty : $"missions/{mission}/sites/{site}";

    private static Date? DateOf(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new Date { Year = day.Year, Month = day.Month, Day = day.Day }
            : null;

    /// <summary>The refused rows by the CSV line they came from (the header is line 1), the field and the problem.</summary>
    private static Table BadRows(MissionOpsException refused)
    {
        var table = new Table().AddColumns(Texts.Say("Line", "Ligne"), Texts.Say("Field", "Champ"), Texts.Say("Problem", "Problème"));
        foreach (var violation in refused.FieldViolations)
        {
            var row = RowField().Match(violation.Field);
            table.AddRow(row.Success ? (int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture) + 2).ToString(CultureInfo.InvariantCulture) : "-",
                Markup.Escape(row.Success ? row.Groups[2].Value : violation.Field), Markup.Escape(violation.Description));
        }

        return table;
    }

    [GeneratedRegex(@"^rows\[(\d+)\]\.(\w+)$")]
    private static partial Regex RowField();
}
