using System.CommandLine;
using MissionOps.Personnel.V1;
using Spectre.Console;
using Date = Google.Type.Date;

namespace MissionOps.Cli.Commands;

/// <summary><c>missionops headcount --mission minusma --as-of 2023-12-08</c>: the people by site on a day.</summary>
public static class HeadcountCommand
{
    public static Command Create()
    {
        var mission = new Option<string>("--mission") { Description = Texts.Say("Mission id (minusma)", "Identifiant de la mission (minusma)"), Required = true };
        var asOf = new Option<DateOnly?>("--as-of") { Description = Texts.Say("The day (yyyy-MM-dd; default today)", "Le jour (aaaa-mm-jj ; par défaut aujourd'hui)") };
        var command = new Command("headcount", Texts.Say("People by site on a day", "Effectifs par site à une date")) { mission, asOf };
        command.SetAction((parse, ct) => Outcome.Run(async () =>
        {
            using var missionOps = Connection.Open(parse);
            var day = parse.GetValue(asOf) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var headcount = await missionOps.Personnel.GetHeadcountAsync(new GetHeadcountRequest
            {
                Parent = $"missions/{parse.GetValue(mission)}",
                AsOfDate = new Date { Year = day.Year, Month = day.Month, Day = day.Day },
            }, cancellationToken: ct);
            var table = new Table().AddColumns(Texts.Say("Site", "Site"), Texts.Say("People", "Personnes"));
            foreach (var site in headcount.Lines.GroupBy(l => l.Site).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(site.Key), $"{site.Sum(l => l.Count):N0}");
            }

            table.AddRow(Texts.Say("Total", "Total"), $"{headcount.Total:N0}");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"{day.ToString("d", System.Globalization.CultureInfo.CurrentCulture)}" +
                (headcount.Forecast ? $" ({Texts.Say("forecast", "prévision")})" : string.Empty));
            return Outcome.Done;
        }));
        return command;
    }
}
