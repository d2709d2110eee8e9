using System.Globalization;
using Npgsql;

namespace MissionOps.Benchmarks;

/// <summary>
/// The CPU time of the PostgreSQL cluster's processes, from /proc: its postmaster and the
/// processes it started (backends, background workers), each one's time on a CPU as the
/// scheduler counts it (schedstat, in nanoseconds: the tick-sampled utime of short bursts says
/// little). A backend that ends between two readings takes its time with it, so a run must not
/// open and close connections (the pools are warm). Linux only; elsewhere it reads zero.
/// </summary>
public sealed class PostgresCpu
{
    private readonly int _postmaster;

    private PostgresCpu(int postmaster) => _postmaster = postmaster;

    /// <summary>The postmaster is the parent of the backend serving this connection.</summary>
    public static async Task<PostgresCpu> FindAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return new PostgresCpu(Read($"/proc/{backend}/stat") is { } stat ? ParentOf(stat) : -1);
    }

    public double Milliseconds()
    {
        long nanoseconds = 0;
        foreach (var directory in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            if (Read(Path.Combine(directory, "stat")) is { } stat && (ParentOf(stat) == _postmaster || Path.GetFileName(directory) == $"{_postmaster}")
                && Read(Path.Combine(directory, "schedstat")) is { } schedstat)
            {
                nanoseconds += long.Parse(schedstat.Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return nanoseconds / 1e6;
    }

    /// <summary>The fourth field of /proc/{pid}/stat, after the command's name in parentheses.</summary>
    private static int ParentOf(string stat) =>
        int.TryParse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture, out var parent) ? parent : -1;

    /// <summary>The file's text, or null when its process is gone.</summary>
    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
