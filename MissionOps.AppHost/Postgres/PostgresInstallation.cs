using System.Diagnostics;

namespace MissionOps.AppHost.Postgres;

/// <summary>
/// The PostgreSQL server binaries on this machine (Debian keeps them in
/// /usr/lib/postgresql/{version}/bin). PostgreSQL refuses to run as root, so when we are root
/// every command runs as the <c>postgres</c> user.
/// </summary>
public sealed class PostgresInstallation
{
    private PostgresInstallation(string binDirectory) => BinDirectory = binDirectory;

    public string BinDirectory { get; }

    public static bool IsRoot => Environment.UserName == "root";

    public string ServerPath => Path.Combine(BinDirectory, "postgres");

    /// <summary>The newest installed server, or null; <c>MISSIONOPS_PG_BIN</c> names another bin folder.</summary>
    public static PostgresInstallation? Find()
    {
        var configured = Environment.GetEnvironmentVariable("MISSIONOPS_PG_BIN");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(configured))
        {
            candidates.Add(configured);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries));
        var bin = candidates.FirstOrDefault(d => Runnable(Path.Combine(d, "postgres")) && Runnable(Path.Combine(d, "initdb")));
        return bin is null ? null : new PostgresInstallation(bin);
    }

    /// <summary>Exists, following links: /usr/local/bin may hold links into a removed /usr/lib/postgresql.</summary>
    private static bool Runnable(string path)
    {
        var file = new FileInfo(path);
        return file.LinkTarget is null ? file.Exists : file.ResolveLinkTarget(returnFinalTarget: true)?.Exists == true;
    }

    /// <summary>The command line that runs a PostgreSQL tool, as the postgres user when we are root.</summary>
    public (string FileName, IReadOnlyList<string> Arguments) CommandFor(string tool, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory, tool);
        return IsRoot ? ("runuser", ["-u", "postgres", "--", path, .. arguments]) : (path, arguments);
    }

    /// <summary>Creates the cluster in <paramref name="dataDirectory"/> unless one is there already.</summary>
    public void EnsureCluster(string dataDirectory, string? password)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }

        Directory.CreateDirectory(dataDirectory);
        var arguments = new List<string> { "-D", dataDirectory, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8" };
        string? passwordFile = null;
        if (password is null)
        {
            arguments.Add("--auth=trust");
        }
        else
        {
            passwordFile = Path.Combine(Path.GetTempPath(), $"missionops-pw-{Guid.NewGuid():N}");
            File.WriteAllText(passwordFile, password);
            arguments.AddRange(["--auth-local=peer", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}"]);
        }

        try
        {
            GiveToPostgres(dataDirectory);
            if (passwordFile is not null)
            {
                GiveToPostgres(passwordFile);
            }

            Run("initdb", [.. arguments]);
        }
        finally
        {
            if (passwordFile is not null)
            {
                File.Delete(passwordFile);
            }
        }
    }

    /// <summary>Runs a tool to completion; throws with its output when it fails.</summary>
    public void Run(string tool, params string[] arguments)
    {
        var (fileName, args) = CommandFor(tool, arguments);
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}: {stderr}{stdout.Result}");
        }
    }

    /// <summary>When root, hands a path to the postgres user (the server refuses a data folder it does not own).</summary>
    public static void GiveToPostgres(string path)
    {
        if (!IsRoot)
        {
            return;
        }

        using var chown = Process.Start("chown", ["-R", "postgres:postgres", path]);
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown postgres {path} failed; is there a 'postgres' user?");
        }
    }
}
