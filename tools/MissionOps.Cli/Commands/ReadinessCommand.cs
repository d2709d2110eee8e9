using System.CommandLine;
using MissionOps.Liquidation.V1;
using Spectre.Console;

namespace MissionOps.Cli.Commands;

/// <summary><c>missionops readiness --mission minusma</c>: can the mission close, and what blocks it. Exit code 0 when ready, 4 when not.</summary>
public static class ReadinessCommand
{
    public const int NotReady = 4;

    public static Command Create()
    {
        var mission = new Option<string>("--mission") { Description = Texts.Say("Mission id (minusma)", "Identifiant de la mission (minusma)"), Required = true };
        var command = new Command("readiness", Texts.Say("Whether the mission can close, and what blocks it", "Si la mission peut fermer, et ce qui l'en empêche"))
        {
            mission,
        };
        command.SetAction((parse, ct) => Outcome.Run(async () =>
        {
            using var missionOps = Connection.Open(parse);
            var readiness = await missionOps.Liquidation.GetClosureReadinessAsync(
                new GetClosureReadinessRequest { Mission = $"missions/{parse.GetValue(mission)}" }, cancellationToken: ct);
            var totals = readiness.Totals;
            AnsiConsole.Write(new Table().AddColumns(Texts.Say("Still to do", "Reste à faire"), Texts.Say("Count", "Nombre"))
                .AddRow(Texts.Say("Sites not handed over", "Sites non remis"), $"{totals.SitesNotHandedOver:N0}")
                .AddRow(Texts.Say("People remaining", "Personnes restantes"), $"{totals.PersonnelRemaining:N0}")
                .AddRow(Texts.Say("Projects open", "Projets ouverts"), $"{totals.ProjectsOpen:N0}")
                .AddRow(Texts.Say("Assets not disposed of", "Biens non cédés"), $"{totals.AssetsNotDisposed:N0}")
                .AddRow(Texts.Say("Liabilities open", "Engagements ouverts"), $"{totals.LiabilitiesOpen:N0}")
                .AddRow(Texts.Say("Records to archive", "Dossiers à archiver"), $"{totals.RecordsToArchive:N0}"));
            AnsiConsole.MarkupLine(readiness.Ready
                ? $"[green]{Texts.Say("Ready to close", "Prête à fermer")}[/]"
                : $"[yellow]{Texts.Say("Not ready", "Pas prête")}: {readiness.BlockingItems.Count:N0} {Texts.Say("blocking items", "éléments bloquants")}[/]");
            return readiness.Ready ? Outcome.Done : NotReady;
        }));
        return command;
    }
}
