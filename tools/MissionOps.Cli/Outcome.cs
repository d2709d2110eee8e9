using Grpc.Core;
using MissionOps.Client;
using Spectre.Console;

namespace MissionOps.Cli;

/// <summary>How a command ends for a script: 0 done, 1 refused (what was sent is wrong or not allowed), 2 misused, 3 the services failed.</summary>
public static class Outcome
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int Misused = 2;
    public const int Failed = 3;

    public static async Task<int> Run(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (UsageException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return Misused;
        }
        catch (MissionOpsException e)
        {
            Report(e);
            return e.Code is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.DeadlineExceeded ? Failed : Refused;
        }
    }

    /// <summary>The refusal in the caller's language, its reason, and the bad fields or what blocks it as a table.</summary>
    public static void Report(MissionOpsException e)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]{e.Code} {e.Reason}[/]: {e.LocalizedMessage ?? e.Message}");
        if (e.FieldViolations.Count > 0)
        {
            var table = new Table().AddColumns(Texts.Say("Field", "Champ"), Texts.Say("Problem", "Problème"));
            foreach (var violation in e.FieldViolations)
            {
                table.AddRow(Markup.Escape(violation.Field), Markup.Escape(violation.Description));
            }

            AnsiConsole.Write(table);
        }

        if (e.Missing.Count > 0)
        {
            var table = new Table().AddColumns(Texts.Say("Missing", "Manque"), Texts.Say("What", "Quoi"), Texts.Say("Why", "Pourquoi"));
            foreach (var missing in e.Missing)
            {
                table.AddRow(Markup.Escape(missing.Type), Markup.Escape(missing.Subject), Markup.Escape(missing.Description));
            }

            AnsiConsole.Write(table);
        }
    }
}
