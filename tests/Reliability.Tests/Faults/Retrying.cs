using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Rpc;
using Grpc.Core;

namespace MissionOps.Reliability.Tests.Faults;

/// <summary>What one refusal told its caller: its code, whether it said when to retry, and who it named as unavailable.</summary>
public sealed record Refusal(StatusCode Code, TimeSpan? RetryAfter, string? Unavailable, string Message)
{
    public static Refusal Of(RpcException e)
    {
        var status = e.GetRpcStatus();
        return new Refusal(e.StatusCode, status?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan(),
            status?.GetDetail<ErrorInfo>() is { } info && info.Metadata.TryGetValue("service", out var service) ? service : null, e.Status.Detail);
    }

    public override string ToString() =>
        $"{Code}{(RetryAfter is { } delay ? $" retry after {delay.TotalMilliseconds:0} ms" : string.Empty)}{(Unavailable is null ? string.Empty : $" naming {Unavailable}")}: {Message}";
}

/// <summary>
/// A caller as the contract asks partners to be: a change refused as UNAVAILABLE is sent again, the same request with
/// the same request id, after the delay its RetryInfo gives (a quarter of a second when the refusal came from the
/// connection rather than the service); any other refusal is the answer. Every refusal is kept, for the figures.
/// </summary>
public sealed class Retrying
{
    private static readonly TimeSpan WithoutRetryInfo = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentQueue<Refusal> _refusals = new();

    public IReadOnlyCollection<Refusal> Refusals => _refusals;

    public async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && clock.Elapsed < within)
            {
                var refusal = Refusal.Of(e);
                _refusals.Enqueue(refusal);
                await Task.Delay(refusal.RetryAfter ?? WithoutRetryInfo);
            }
        }
    }

    /// <summary>Keeps a refusal the caller met outside <see cref="UntilAnsweredAsync"/>, such as a stream cut short.</summary>
    public void Saw(RpcException e) => _refusals.Enqueue(Refusal.Of(e));
}
