using System.Collections.Concurrent;
using System.Diagnostics;

namespace MissionOps.Deployment.Tests.Images;

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
