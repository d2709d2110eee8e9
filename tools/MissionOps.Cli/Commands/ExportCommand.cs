using System.CommandLine;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;
using Spectre.Console;
using Date = Google.Type.Date;

namespace MissionOps.Cli.Commands;

/// <summary><c>missionops export iati|hxl-sites|hxl-headcount --mission minusma --out FILE</c>: the exports as files.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var what = new Argument<string>("what") { Description = Texts.Say("iati (the projects' IATI activity file), hxl-sites, or hxl-headcount (HXL CSV)", "iati (le fichier d'activités IITA des projets), hxl-sites ou hxl-headcount (CSV HXL)") };
        what.AcceptOnlyFromAmong("iati", "hxl-sites", "hxl-headcount");
        var mission = new Option<string>("--mission") { Description = Texts.Say("Mission id (minusma)", "Identifiant de la mission (minusma)"), Required = true };
        var output = new Option<FileInfo>("--out") { Description = Texts.Say("The file to write", "Le fichier à écrire"), Required = true };
        var asOf = new Option<DateOnly?>("--as-of") { Description = Texts.Say("The day of an HXL export (yyyy-MM-dd; default today)", "Le jour d'un export HXL (aaaa-mm-jj ; par défaut aujourd'hui)") };
        var export = new Command("export", Texts.Say("Write an export to a file", "Écrire un export dans un fichier")) { what, mission, output, asOf };
        export.SetAction((parse, ct) => Outcome.Run(async () =>
        {
            using var missionOps = Connection.Open(parse);
            var parent = $"missions/{parse.GetValue(mission)}";
            var day = parse.GetValue(asOf) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var date = new Date { Year = day.Year, Month = day.Month, Day = day.Day };
            byte[] content = parse.GetValue(what) switch
            {
                "iati" => (await missionOps.Projects.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest { Parent = parent }, cancellationToken: ct)).Xml.ToByteArray(),
                "hxl-sites" => System.Text.Encoding.UTF8.GetBytes(
                    (await missionOps.Sites.ExportSitesHxlAsync(new ExportSitesHxlRequest { Parent = parent, AsOfDate = date }, cancellationToken: ct)).Csv),
                _ => System.Text.Encoding.UTF8.GetBytes(
                    (await missionOps.Personnel.ExportHeadcountHxlAsync(new ExportHeadcountHxlRequest { Parent = parent, AsOfDate = date }, cancellationToken: ct)).Csv),
            };
            var file = parse.GetValue(output)!;
            await File.WriteAllBytesAsync(file.FullName, content, ct);
            AnsiConsole.MarkupLineInterpolated($"{file.FullName}: {content.Length:N0} {Texts.Say("bytes", "octets")}");
            return Outcome.Done;
        }));
        return export;
    }
}
