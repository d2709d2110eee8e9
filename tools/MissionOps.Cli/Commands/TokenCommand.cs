using System.CommandLine;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Cli.Commands;

/// <summary>
/// <c>missionops token --role viewer --mission minusma --service all</c>: a development token, signed with the key the
/// AppHost made, for trying the services before an OpenID Connect authority is in place.
/// </summary>
public static class TokenCommand
{

    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = Texts.Say("The role in the mission", "Le rôle dans la mission"), Required = true };
        role.AcceptOnlyFromAmong(MissionRoles.Viewer, MissionRoles.Personnel, MissionRoles.Planner, MissionRoles.Approver, MissionRoles.Administrator);
        var mission = new Option<string>("--mission") { Description = Texts.Say("A mission id (minusma), or * for every mission", "Un identifiant de mission (minusma), ou * pour toutes"), Required = true };
        var service = new Option<string>("--service") { Description = Texts.Say("The service the token is for, or all", "Le service auquel le jeton est destiné, ou all"), DefaultValueFactory = _ => "all" };
        service.AcceptOnlyFromAmong([.. ServiceNames.All, "all"]);
        var subject = new Option<string>("--subject") { Description = Texts.Say("Who the token names", "Qui le jeton nomme"), DefaultValueFactory = _ => Environment.UserName };
        var partner = new Option<string?>("--partner") { Description = Texts.Say("The partner tool the calls come from", "L'outil partenaire d'où viennent les appels") };
        var minutes = new Option<int>("--minutes") { Description = Texts.Say("Lifetime, 1 to 1440 minutes", "Durée de vie, de 1 à 1440 minutes"), DefaultValueFactory = _ => 60 };
        minutes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1440)
            {
                result.AddError("--minutes must be from 1 to 1440");
            }
        });
        var regions = new Option<string[]>("--region")
        {
            Description = Texts.Say("Limit the token to these regions of the mission, by P-code (ML05): it then reads only what lies there, and no personal data", "Limiter le jeton à ces régions de la mission, par P-code (ML05) : il ne lit alors que ce qui s'y trouve, et aucune donnée personnelle"),
            AllowMultipleArgumentsPerToken = true,
        };
        regions.Validators.Add(result =>
        {
            foreach (var region in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!System.Text.RegularExpressions.Regex.IsMatch(region, "^[A-Za-z]{2}[0-9]{2}$"))
                {
                    result.AddError($"--region {region} is not a region P-code such as ML05");
                }
            }
        });
        var keyFile = new Option<FileInfo?>("--key-file") { Description = Texts.Say("The signing key (default: MISSIONOPS_SIGNING_KEY, else the AppHost's development data)", "La clé de signature (par défaut : MISSIONOPS_SIGNING_KEY, sinon les données de développement de l'AppHost)") };
        var command = new Command("token", Texts.Say("Print a development token", "Afficher un jeton de développement")) { role, mission, service, subject, partner, minutes, regions, keyFile };
        command.SetAction((parse, _) => Outcome.Run(async () =>
        {
            Console.WriteLine(await DevelopmentTokenAsync(parse.GetValue(role)!, parse.GetValue(mission)!, parse.GetValue(service)!, parse.GetValue(subject)!,
                parse.GetValue(partner), parse.GetValue(minutes), parse.GetValue(regions) ?? [], parse.GetValue(keyFile)));
            return Outcome.Done;
        }));
        return command;
    }

    /// <summary>A token signed with the development key: <c>MISSIONOPS_SIGNING_KEY</c>, else the key file, else the AppHost's.</summary>
    public static async Task<string> DevelopmentTokenAsync(string role, string mission, string service, string subject, string? partner, int minutes,
        IReadOnlyList<string> regions, FileInfo? keyFile)
    {
        var key = Environment.GetEnvironmentVariable("MISSIONOPS_SIGNING_KEY");
        if (string.IsNullOrEmpty(key))
        {
            var file = keyFile?.FullName ?? DefaultKeyFile();
            if (!File.Exists(file))
            {
                throw new UsageException($"No signing key at {file}: start the system once with 'dotnet run --project MissionOps.AppHost', or set MISSIONOPS_SIGNING_KEY.");
            }

            key = (await File.ReadAllTextAsync(file)).Trim();
        }

        return new TokenIssuer(key).Issue(subject, (service == "all" ? ServiceNames.All : (IReadOnlyList<string>)[service]).Select(TokenIssuer.AudienceOf), [$"{mission}:{role}"],
            TimeSpan.FromMinutes(minutes), partner, missionRegions: regions.Select(r => $"{mission}:{r.ToUpperInvariant()}"));
    }

    /// <summary>Where the AppHost keeps its development data by default (see MissionOps.AppHost/DevelopmentSigningKey.cs).</summary>
    private static string DefaultKeyFile() => Path.Combine(
        Environment.UserName == "root"
            ? "/var/lib/missionops/postgres"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "missionops", "postgres"),
        "signing-key");
}
