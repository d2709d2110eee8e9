using System.Text.Json;
using MissionOps.Client.Tokens;

namespace MissionOps.Cli;

/// <summary>
/// What <c>missionops login</c> keeps for the commands that follow, readable by its owner only, in
/// <c>$MISSIONOPS_CONFIG</c> or <c>$XDG_CONFIG_HOME/missionops</c> (on Linux ~/.config/missionops): a token, or the
/// client at the authority that tokens are asked of, one per service, as each command needs them.
/// </summary>
public static class KeptLogin
{
    private static string Folder => Environment.GetEnvironmentVariable("MISSIONOPS_CONFIG") is { Length: > 0 } folder ? folder
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "missionops");

    public static string TokenFile => Path.Combine(Folder, "token");

    public static string ClientFile => Path.Combine(Folder, "client.json");

    public static string? Token() => File.Exists(TokenFile) ? File.ReadAllText(TokenFile).Trim() : null;

    public static ClientCredentials? Client()
    {
        if (!File.Exists(ClientFile))
        {
            return null;
        }

        var kept = JsonSerializer.Deserialize<KeptClient>(File.ReadAllText(ClientFile))
            ?? throw new UsageException($"{ClientFile} is not a login missionops kept: run missionops login again.");
        return Credentials(new Uri(kept.Authority), kept.ClientId, kept.ClientSecret);
    }

    /// <summary>A client of the authority; plain HTTP only to an authority on this machine, for development.</summary>
    public static ClientCredentials Credentials(Uri authority, string clientId, string secret) =>
        new(authority, clientId, secret) { RequireHttps = !authority.IsLoopback };

    public static async Task KeepAsync(string? token, ClientCredentials? client, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        Forget();
        var (file, content) = client is null
            ? (TokenFile, token!)
            : (ClientFile, JsonSerializer.Serialize(new KeptClient(client.Authority.ToString(), client.ClientId, client.ClientSecret)));
        // Created readable by its owner alone before anything secret is written into it.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var writer = new StreamWriter(new FileStream(file, options));
        await writer.WriteAsync(content.AsMemory(), ct);
    }

    public static void Forget()
    {
        File.Delete(TokenFile);
        File.Delete(ClientFile);
    }

    private sealed record KeptClient(string Authority, string ClientId, string ClientSecret);
}
