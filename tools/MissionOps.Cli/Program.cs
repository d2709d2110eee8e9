using System.CommandLine;
using MissionOps.Cli;
using MissionOps.Cli.Commands;

// missionops: MissionOps from a terminal or a script. Exit codes: 0 done, 1 refused, 2 misused, 3 the services failed.
var root = new RootCommand("MissionOps from a terminal: sites, manifests, exports and development tokens")
{
    Connection.Token,
    Connection.Language,
    SitesCommand.Create(),
    ManifestCommand.Create(),
    ExportCommand.Create(),
    TokenCommand.Create(),
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
