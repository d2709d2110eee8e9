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
                    DayOf(site.ClosingDate));
            }

            AnsiConsole.Write(table);
            return Outcome.Done;
        }));
        var name = new Argument<string>("site") { Description = Texts.Say("The site's name (missions/minusma/sites/sevare)", "Le nom du site (missions/minusma/sites/sevare)") };
        var json = new Option<bool>("--json") { Description = Texts.Say("The site as the contract's JSON", "Le site dans le JSON du contrat") };
        var show = new Command("show", Texts.Say("Show one site: its state, its closure and its handover", "Afficher un site : son état, sa fermeture et sa remise")) { name, json };
        show.SetAction((parse, ct) => Outcome.Run(async () =>
        {
            using var missionOps = Connection.Open(parse);
            var site = await missionOps.Sites.GetSiteAsync(new GetSiteRequest { Name = parse.GetValue(name)! }, cancellationToken: ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonFormatter.Default.Format(site));
                return Outcome.Done;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow(Texts.Say("Site", "Site"), Markup.Escape(site.Name));
            grid.AddRow(Texts.Say("Name", "Nom"), Markup.Escape(Texts.Say(site.DisplayName.En, site.DisplayName.Fr)));
            grid.AddRow(Texts.Say("State", "État"), site.State.ToString());
            grid.AddRow(Texts.Say("Opened", "Ouvert le"), DayOf(site.OpeningDate));
            grid.AddRow(Texts.Say("Closed", "Fermé le"), DayOf(site.ClosingDate));
            grid.AddRow(Texts.Say("Closure steps done", "Étapes de fermeture faites"), $"{site.ClosureSteps.Count:N0}");
            AnsiConsole.Write(grid);
            return Outcome.Done;
        }));
        return new Command("sites", Texts.Say("Sites of a mission", "Sites d'une mission")) { list, show };
    }

    private static string DayOf(Google.Type.Date? day) => day is null ? string.Empty : $"{day.Year:D4}-{day.Month:D2}-{day.Day:D2}";
}
