using System.Diagnostics;

namespace MissionOps.Testing;

/// <summary>How a command ended and what it wrote, each stream whole.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Errors)
{
    /// <summary>Both streams, the output first: what a failing test shows.</summary>
    public string All => Output + Errors;
}

/// <summary>Runs a command to its end, as an operator or a partner's script runs it: the tools, the CLI, kubectl, node.</summary>
public static class CommandRun
{
    public static async Task<CommandResult> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        // Both streams read as they come: a command that fills one pipe while the other is awaited would never end.
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not end within {timeout}:\n{await output}{await errors}");
        }

        return new CommandResult(process.ExitCode, await output, await errors);
    }

    /// <summary>The same, for a caller that cannot await.</summary>
    public static CommandResult Run(ProcessStartInfo start, TimeSpan timeout) => RunAsync(start, timeout).GetAwaiter().GetResult();
}
