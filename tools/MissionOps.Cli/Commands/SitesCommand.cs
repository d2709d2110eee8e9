using System.CommandLine;
using Google.Protobuf;
using MissionOps.Client;
using MissionOps.Sites.V1;
using Spectre.Console;

namespace MissionOps.Cli.Commands;

/// <summary><c>missionops sites list --mission minusma</c>: every site of the mission, as a table or as JSON lines.</summary>
public static class SitesCommand
{
    public static Command Create()
    {
        var mission = new Option<string>("--mission") { Description = Texts.Say("Mission id (minusma)", "Identifiant de la mission (minusma)"), Required = true };
        var output = new Option<string>("--output") { Description = Texts.Say("table, or json (one site per line)", "table, ou json (un site par ligne)"), DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var list = new Command("list", Texts.Say("List the mission's sites", "Lister les sites de la mission")) { mission, output };
        list.SetAction((parse, ct) => Outcome.Run(async () =>
        {
            using var missionOps = Connection.Open(parse);
            var sites = Pages.All(new ListSitesRequest { Parent = $"missions/{parse.GetValue(mission)}", PageSize = 100 },
                missionOps.Sites.ListSitesAsync, page => page.Sites, ct);
            if (parse.GetValue(output) == "json")
            {
                await foreach (var site in sites)
                {
                    Console.WriteLine(JsonFormatter.Default.Format(site));
                }

                return Outcome.Done;
            }

            var table = new Table().AddColumns(Texts.Say("Site", "Site"), Texts.Say("Name", "Nom"), Texts.Say("State", "État"),
                Texts.Say("Closed", "Fermé le"));
            await foreach (var site in sites)
            {
                table.AddRow(Markup.Escape(site.Name[(site.Name.LastIndexOf('/') + 1)..]), Markup.Escape(Texts.Say(site.DisplayName.En, site.DisplayName.Fr)), site.State.ToString(),
                    site.ClosingDate is { } day ? $"{day.Year:D4}-{day.Month:D2}-{day.Day:D2}" : string.Empty);
            }

            AnsiConsole.Write(table);
            return Outcome.Done;
        }));
        return new Command("sites", Texts.Say("Sites of a mission", "Sites d'une mission")) { list };
    }
}
