using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit;

namespace MissionOps.Testing;

/// <summary>A service run as its own process, its output kept to wait on and to show when a test fails.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    public ServiceProcess(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', _lines);

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public async Task WaitForLineAsync(string text, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            Assert.False(_process.HasExited, $"The service stopped before saying '{text}':\n{Output}");
            Assert.True(DateTime.UtcNow < until, $"The service did not say '{text}' within {within}:\n{Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>The real user the process runs as, from /proc.</summary>
    public int UserId() =>
        int.Parse(File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>SIGKILL, as a crash or the kernel's OOM killer ends it: no shutdown, no answer to the calls it holds.</summary>
    public void Kill()
    {
        Signals.Send(_process.Id, Signals.Kill);
        _process.WaitForExit();
    }

    /// <summary>Suspends it (SIGSTOP): its connections stay open and nothing answers, as a hung server or a network partition.</summary>
    public void Freeze() => Signals.Send(_process.Id, Signals.Stop);

    public void Thaw() => Signals.Send(_process.Id, Signals.Continue);

    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
