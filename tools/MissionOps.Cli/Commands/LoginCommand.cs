using System.CommandLine;
using MissionOps.ServiceDefaults.Security;
using Spectre.Console;

namespace MissionOps.Cli.Commands;

/// <summary>
/// <c>missionops login --token TOKEN</c> (a token from the authority, or a partner's administrator), or <c>missionops login --role planner --mission minusma</c> for a development
/// token: keeps the token (readable by its owner only) for the commands that follow; <c>missionops logout</c> forgets it.
/// </summary>
public static class LoginCommand
{
    /// <summary>Where the token is kept: <c>$XDG_CONFIG_HOME/missionops/token</c> (on Linux ~/.config/missionops/token).</summary>
    public static string TokenFile => Path.Combine(
        Environment.GetEnvironmentVariable("MISSIONOPS_CONFIG") is { Length: > 0 } folder ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "missionops"),
        "token");

    public static Command Create()
    {
        var role = new Option<string?>("--role") { Description = Texts.Say("For a development token: the role in the mission", "Pour un jeton de développement : le rôle dans la mission") };
        role.AcceptOnlyFromAmong(MissionRoles.Viewer, MissionRoles.Personnel, MissionRoles.Planner, MissionRoles.Approver, MissionRoles.Administrator);
        var mission = new Option<string?>("--mission") { Description = Texts.Say("For a development token: the mission id, or *", "Pour un jeton de développement : l'identifiant de la mission, ou *") };
        var login = new Command("login", Texts.Say("Keep a token for the commands that follow", "Garder un jeton pour les commandes suivantes")) { role, mission };
        login.SetAction((parse, ct) => Outcome.Run(async () =>
        {
            // --token is the one every command takes: here it is the token to keep.
            var kept = parse.GetValue(Connection.Token) ?? (parse.GetValue(role), parse.GetValue(mission)) switch
            {
                ({ } r, { } m) => await TokenCommand.DevelopmentTokenAsync(r, m, "all", Environment.UserName, null, 480, [], null),
                _ => throw new UsageException(Texts.Say("Pass --token, or --role and --mission for a development token.",
                    "Donnez --token, ou --role et --mission pour un jeton de développement.")),
            };
            Directory.CreateDirectory(Path.GetDirectoryName(TokenFile)!);
            await File.WriteAllTextAsync(TokenFile, kept, ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(TokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            AnsiConsole.MarkupLineInterpolated($"{Texts.Say("Token kept in", "Jeton gardé dans")} {TokenFile}");
            return Outcome.Done;
        }));
        return login;
    }

    public static Command Logout()
    {
        var logout = new Command("logout", Texts.Say("Forget the kept token", "Oublier le jeton gardé"));
        logout.SetAction(_ =>
        {
            File.Delete(TokenFile);
            return Outcome.Done;
        });
        return logout;
    }

    /// <summary>The kept token, if any.</summary>
    public static string? Kept() => File.Exists(TokenFile) ? File.ReadAllText(TokenFile).Trim() : null;
}
