using System.Runtime.InteropServices;

namespace MissionOps.Testing;

/// <summary>POSIX signals to a process by its id: what a crash, a power cut or a frozen machine does to a server.</summary>
public static class Signals
{
    public const int Kill = 9;

    /// <summary>To PostgreSQL's postmaster: an immediate shutdown, as <c>pg_ctl -m immediate stop</c> sends without waiting for it.</summary>
    public const int Quit = 3;

    /// <summary>Suspends the process: it keeps its sockets open but answers nothing, as a hung or partitioned server.</summary>
    public const int Stop = 19;

    public const int Continue = 18;

    public static void Send(int processId, int signal)
    {
        if (SendSignal(processId, signal) != 0 && Marshal.GetLastPInvokeError() is var error && error != ProcessGone)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {error}");
        }
    }

    /// <summary>Waits until the process is gone, or only a zombie its parent has not reaped yet.</summary>
    public static void WaitForExit(int processId, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (IsRunning(processId))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"process {processId} still runs {within.TotalSeconds:0} s after it was signalled");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>Whether the process runs: a zombie its parent has not reaped runs no more.</summary>
    public static bool IsRunning(int processId) => Stat(processId) is [var state, ..] && state != "Z";

    /// <summary>The process's parent, 0 when the process is gone.</summary>
    public static int ParentOf(int processId) =>
        Stat(processId) is [_, var parent, ..] ? int.Parse(parent, System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>The fields of /proc/PID/stat after the command's name (which is parenthesised and may hold spaces): state, parent, ...</summary>
    private static string[] Stat(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return [];
        }
    }

    private const int ProcessGone = 3; // ESRCH

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int processId, int signal);
}
