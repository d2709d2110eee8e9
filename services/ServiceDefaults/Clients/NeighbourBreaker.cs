using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace MissionOps.ServiceDefaults.Clients;

/// <summary>
/// A circuit breaker on the unary calls to one neighbour. When most recent calls to it failed (unreachable, no answer
/// within the deadline, itself unavailable), further calls are refused at once for a while instead of each waiting out
/// its deadline: a dead neighbour then costs a caller's caller a quick UNAVAILABLE naming it, not seconds and a thread
/// per call. After the pause one call is let through to try; its answer closes the breaker again or keeps it open.
/// Settings under <c>ServiceCalls:Breaker</c>; feeds (streams) reconnect by themselves and are not counted.
/// </summary>
public sealed class NeighbourBreaker : Interceptor
{
    private readonly string _service;
    private readonly ResiliencePipeline _pipeline;

    public NeighbourBreaker(string service, IConfiguration configuration, TimeProvider clock, ILogger<NeighbourBreaker> logger)
    {
        _service = service;
        var settings = configuration.GetSection("ServiceCalls:Breaker");
        var breakDuration = settings.GetValue("BreakDuration", TimeSpan.FromSeconds(15));
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = settings.GetValue("FailureRatio", 0.5),
                MinimumThroughput = settings.GetValue("MinimumThroughput", 8),
                SamplingDuration = settings.GetValue("SamplingDuration", TimeSpan.FromSeconds(30)),
                BreakDuration = breakDuration,
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => IsNeighbourFailure(e.StatusCode)),
                OnOpened = args =>
                {
                    logger.LogWarning("Calls to {Service} are held off for {Seconds} s: most of the recent ones failed ({Status})",
                        service, args.BreakDuration.TotalSeconds, (args.Outcome.Exception as RpcException)?.StatusCode);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Calls to {Service} go through again", service);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>What the neighbour's failure looks like from here, as <see cref="ServiceCalls"/> names it unavailable.</summary>
    public static bool IsNeighbourFailure(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown;

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        AsyncUnaryCall<TResponse>? call = null;
        var response = ThroughBreakerAsync(async _ =>
        {
            call = continuation(request, context);
            return await call.ResponseAsync;
        }, context.Options.CancellationToken);
        return new AsyncUnaryCall<TResponse>(response,
            call?.ResponseHeadersAsync ?? Task.FromResult(new Metadata()),
            () => call?.GetStatus() ?? HeldOff(),
            () => call?.GetTrailers() ?? [],
            () => call?.Dispose());
    }

    private async Task<TResponse> ThroughBreakerAsync<TResponse>(Func<CancellationToken, ValueTask<TResponse>> send, CancellationToken ct)
    {
        try
        {
            return await _pipeline.ExecuteAsync(send, ct);
        }
        catch (BrokenCircuitException held)
        {
            throw new RpcException(HeldOff(held));
        }
    }

    private Status HeldOff(Exception? cause = null) => new(StatusCode.Unavailable, $"Calls to {_service} are held off after repeated failures.", cause);
}
