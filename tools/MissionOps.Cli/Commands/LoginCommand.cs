using System.CommandLine;
using MissionOps.Client;
using MissionOps.Client.Tokens;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Security;
using Spectre.Console;

namespace MissionOps.Cli.Commands;

/// <summary>
/// <c>missionops login --authority URL --client-id ID</c> (the client's secret from <c>MISSIONOPS_CLIENT_SECRET</c> or asked
/// for), <c>missionops login --token TOKEN</c>, or <c>missionops login --role planner --mission minusma</c> for a development
/// token: kept (<see cref="KeptLogin"/>) for the commands that follow; <c>missionops logout</c> forgets it.
/// </summary>
public static class LoginCommand
{
    public static Command Create()
    {
        var authority = new Option<string?>("--authority")
        {
            Description = Texts.Say("The mission's OpenID Connect authority, to take tokens from as a client (with --client-id)",
                "L'autorité OpenID Connect de la mission, où prendre les jetons comme client (avec --client-id)"),
        };
        var clientId = new Option<string?>("--client-id")
        {
            Description = Texts.Say("The client at the authority; its secret from MISSIONOPS_CLIENT_SECRET, or asked for",
                "Le client auprès de l'autorité ; son secret dans MISSIONOPS_CLIENT_SECRET, ou demandé"),
        };
        var role = new Option<string?>("--role") { Description = Texts.Say("For a development token: the role in the mission", "Pour un jeton de développement : le rôle dans la mission") };
        role.AcceptOnlyFromAmong(MissionRoles.Viewer, MissionRoles.Personnel, MissionRoles.Planner, MissionRoles.Approver, MissionRoles.Administrator);
        var mission = new Option<string?>("--mission") { Description = Texts.Say("For a development token: the mission id, or *", "Pour un jeton de développement : l'identifiant de la mission, ou *") };
        var login = new Command("login", Texts.Say("Keep a token, or a client of the authority, for the commands that follow",
            "Garder un jeton, ou un client de l'autorité, pour les commandes suivantes")) { authority, clientId, role, mission };
        login.SetAction((parse, ct) => Outcome.Run(async () =>
        {
            if ((parse.GetValue(authority), parse.GetValue(clientId)) is ({ } url, { } id))
            {
                var at = Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http" ? parsed
                    : throw new UsageException(Texts.Say($"--authority {url} is not an http(s) address.", $"--authority {url} n'est pas une adresse http(s)."));
                var client = KeptLogin.Credentials(at, id, Secret());
                try
                {
                    // Asked once now, so that a wrong secret or an unreachable authority is told here, not at the next command.
                    await new ClientCredentialsTokens(client).ForAsync(MissionOpsClient.AudienceOf(ServiceNames.Sites), ct);
                }
                catch (TokenUnavailableException e)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
                    return Outcome.Refused;
                }

                await KeptLogin.KeepAsync(null, client, ct);
                AnsiConsole.MarkupLineInterpolated($"{Texts.Say("Logged in as client", "Connecté comme client")} {id} {Texts.Say("of", "de")} {at}: {KeptLogin.ClientFile}");
                return Outcome.Done;
            }

            // --token is the one every command takes: here it is the token to keep.
            var kept = parse.GetValue(Connection.Token) ?? (parse.GetValue(role), parse.GetValue(mission), parse.GetValue(authority) ?? (object?)parse.GetValue(clientId)) switch
            {
                ({ } r, { } m, null) => await TokenCommand.DevelopmentTokenAsync(r, m, "all", Environment.UserName, null, 480, [], null),
                _ => throw new UsageException(Texts.Say("Pass --authority and --client-id, --token, or --role and --mission for a development token.",
                    "Donnez --authority et --client-id, --token, ou --role et --mission pour un jeton de développement.")),
            };
            await KeptLogin.KeepAsync(kept, null, ct);
            AnsiConsole.MarkupLineInterpolated($"{Texts.Say("Token kept in", "Jeton gardé dans")} {KeptLogin.TokenFile}");
            return Outcome.Done;
        }));
        return login;
    }

    public static Command Logout()
    {
        var logout = new Command("logout", Texts.Say("Forget the kept token or client", "Oublier le jeton ou le client gardé"));
        logout.SetAction(_ =>
        {
            KeptLogin.Forget();
            return Outcome.Done;
        });
        return logout;
    }

    /// <summary>The client's secret: never an option, which would leave it in the shell's history and the process list.</summary>
    private static string Secret() =>
        Environment.GetEnvironmentVariable("MISSIONOPS_CLIENT_SECRET") is { Length: > 0 } secret ? secret
        : Console.IsInputRedirected
            ? throw new UsageException(Texts.Say("Set MISSIONOPS_CLIENT_SECRET: there is no terminal to ask for the client's secret.",
                "Définissez MISSIONOPS_CLIENT_SECRET : il n'y a pas de terminal pour demander le secret du client."))
            : AnsiConsole.Prompt(new TextPrompt<string>(Texts.Say("Client secret:", "Secret du client :")).Secret());
}
