using System.CommandLine;
using MissionOps.Client;
using MissionOps.Client.Tokens;

namespace MissionOps.Cli;

/// <summary>
/// Where the services are and who calls them: <c>--token</c>, <c>MISSIONOPS_TOKEN</c>, or what <c>missionops login</c> kept (a client of the authority, or a token), each service's address from
/// <c>MISSIONOPS_SITES_URL</c> (and _PERSONNEL_, _PROJECTS_, _LIQUIDATION_), else the development ports.
/// </summary>
public static class Connection
{
    public static readonly Option<string?> Token = new("--token")
    {
        Description = Texts.Say("Bearer token (default: MISSIONOPS_TOKEN)", "Jeton d'accès (par défaut : MISSIONOPS_TOKEN)"),
        Recursive = true,
    };

    public static readonly Option<string?> Language = new("--lang")
    {
        Description = Texts.Say("Language of the answers' messages: en or fr (default: the system's)", "Langue des messages : en ou fr (par défaut : celle du système)"),
        Recursive = true,
    };

    public static MissionOpsClient Open(ParseResult parse)
    {
        var token = parse.GetValue(Token) ?? (Environment.GetEnvironmentVariable("MISSIONOPS_TOKEN") is { Length: > 0 } set ? set : null);
        var tokens = token is not null ? MissionOpsClientOptions.FixedToken(token)
            : KeptLogin.Client() is { } client ? new ClientCredentialsTokens(client).ForAsync
            : KeptLogin.Token() is { Length: > 0 } kept ? MissionOpsClientOptions.FixedToken(kept)
            : throw new UsageException("No token: run missionops login, pass --token or set MISSIONOPS_TOKEN (missionops token prints a development one).");

        return new MissionOpsClient(new MissionOpsClientOptions
        {
            Sites = Address("SITES", 5101),
            Personnel = Address("PERSONNEL", 5102),
            Projects = Address("PROJECTS", 5103),
            Liquidation = Address("LIQUIDATION", 5104),
            Tokens = tokens,
            Language = Texts.Code,
        });
    }

    private static Uri Address(string service, int developmentPort) =>
        new(Environment.GetEnvironmentVariable($"MISSIONOPS_{service}_URL") is { Length: > 0 } url ? url : $"http://localhost:{developmentPort}");
}

/// <summary>A command used wrongly: told, with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
