using System.CommandLine;
using MissionOps.Cli;
using MissionOps.Cli.Commands;

// missionops: MissionOps from a terminal or a script. Exit codes: 0 done, 1 refused, 2 misused, 3 the services failed,
// 4 a mission not ready to close (readiness).
Texts.Choose(LanguageAsked(args));
var root = new RootCommand(Texts.Say("MissionOps from a terminal: sites, readiness, headcounts, event feeds, manifests, exports and development tokens",
    "MissionOps depuis un terminal : sites, état de préparation, effectifs, flux d'événements, manifestes, exports et jetons de développement"))
{
    Connection.Token,
    Connection.Language,
    SitesCommand.Create(),
    ManifestCommand.Create(),
    ExportCommand.Create(),
    ReadinessCommand.Create(),
    HeadcountCommand.Create(),
    EventsCommand.Create(),
    TokenCommand.Create(),
    LoginCommand.Create(),
    LoginCommand.Logout(),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    return Outcome.Misused;
}

return await parsed.InvokeAsync();

static string? LanguageAsked(string[] args) =>
    args.Select((arg, i) => arg.StartsWith("--lang=", StringComparison.Ordinal) ? arg["--lang=".Length..]
        : arg == "--lang" && i + 1 < args.Length ? args[i + 1] : null).LastOrDefault(l => l is not null);
