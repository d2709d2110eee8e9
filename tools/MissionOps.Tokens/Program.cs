using MissionOps.ServiceDefaults.Security;

// Prints a development token, signed with the key the AppHost made: for trying the services with
// buf curl or a partner tool before an OpenID Connect authority is in place.
var options = Arguments.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: dotnet run --project tools/MissionOps.Tokens -- --role ROLE --mission MISSION --service SERVICE
                 [--partner TOOL] [--subject NAME] [--minutes 60] [--key-file PATH] [--region PCODE[,PCODE...]]
          ROLE     viewer | personnel | planner | approver | administrator
          MISSION  a mission id (minusma), or * for every mission
          SERVICE  sites | personnel | projects | liquidation | all
          PCODE    limits the token to these regions of the mission, by region P-code (ML05): it then only reads
                   what lies there, and no personal data
        The key is read from MISSIONOPS_SIGNING_KEY, else --key-file, else the AppHost's development data folder.
        """);
    return 2;
}

var key = Environment.GetEnvironmentVariable("MISSIONOPS_SIGNING_KEY");
var keyFile = options.KeyFile ?? Arguments.DefaultKeyFile();
if (string.IsNullOrEmpty(key))
{
    if (!File.Exists(keyFile))
    {
        Console.Error.WriteLine($"No signing key at {keyFile}: start the system once with 'dotnet run --project MissionOps.AppHost', or set MISSIONOPS_SIGNING_KEY.");
        return 1;
    }

    key = File.ReadAllText(keyFile).Trim();
}

string[] services = options.Service == "all" ? ["sites", "personnel", "projects", "liquidation"] : [options.Service];
Console.WriteLine(new TokenIssuer(key).Issue(options.Subject, services.Select(TokenIssuer.AudienceOf), [$"{options.Mission}:{options.Role}"],
    TimeSpan.FromMinutes(options.Minutes), options.Partner, missionRegions: options.Regions.Select(r => $"{options.Mission}:{r}")));
return 0;

internal sealed record Arguments(string Role, string Mission, string Service, string Subject, string? Partner, int Minutes, string? KeyFile,
    IReadOnlyList<string> Regions)
{
    private static readonly string[] Roles = [MissionRoles.Viewer, MissionRoles.Personnel, MissionRoles.Planner, MissionRoles.Approver, MissionRoles.Administrator];
    private static readonly string[] Services = ["sites", "personnel", "projects", "liquidation", "all"];

    public static Arguments? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        var role = values.GetValueOrDefault("--role");
        var mission = values.GetValueOrDefault("--mission");
        var service = values.GetValueOrDefault("--service");
        var minutes = values.TryGetValue("--minutes", out var m) && int.TryParse(m, out var parsed) ? parsed : 60;
        var regions = (values.GetValueOrDefault("--region") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToUpperInvariant()).ToList();
        return role is null || mission is null || service is null || !Roles.Contains(role) || !Services.Contains(service) || minutes is < 1 or > 1440
            || regions.Any(r => !System.Text.RegularExpressions.Regex.IsMatch(r, "^[A-Z]{2}[0-9]{2}$"))
            ? null
            : new Arguments(role, mission, service, values.GetValueOrDefault("--subject") ?? Environment.UserName,
                values.GetValueOrDefault("--partner"), minutes, values.GetValueOrDefault("--key-file"), regions);
    }

    /// <summary>Where the AppHost keeps its development data by default (see MissionOps.AppHost/DevelopmentSigningKey.cs).</summary>
    public static string DefaultKeyFile() => Path.Combine(
        Environment.UserName == "root"
            ? "/var/lib/missionops/postgres"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "missionops", "postgres"),
        "signing-key");
}
