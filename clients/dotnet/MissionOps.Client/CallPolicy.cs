using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client.Configuration;

namespace MissionOps.Client;

/// <summary>
/// How a MissionOps call is made, by partners' tools and by the services between themselves alike: a unary call
/// gets a deadline of its own unless a shorter one is set (such as a deadline propagated from the caller's
/// caller), so a service that never answers cannot hold it forever; a refusal is thrown as a
/// <see cref="MissionOpsException"/>. Streams such as feeds keep the deadline they were given.
/// </summary>
public sealed class CallPolicy(TimeSpan timeout, TimeProvider? clock = null) : Interceptor
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// The longest a channel waits between two attempts to connect to a service that does not answer. grpc's own is two
    /// minutes: after a long outage a channel would go on refusing calls that long after the service is back. At 5 s, a
    /// service that returns is reached within seconds, for the price of an attempt every 5 s while it is down.
    /// </summary>
    public static readonly TimeSpan MaxReconnectBackoff = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The channel's retry of a call refused as UNAVAILABLE: the same request again, so the same request id, and a
    /// change is made once.
    /// </summary>
    public static ServiceConfig RetryUnavailable(int maxAttempts, TimeSpan initialBackoff, TimeSpan maxBackoff) => new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = maxAttempts,
                    InitialBackoff = initialBackoff,
                    MaxBackoff = maxBackoff,
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
        },
    };

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var own = _clock.GetUtcNow().UtcDateTime + timeout;
        if (own < context.Options.Deadline.GetValueOrDefault(DateTime.MaxValue))
        {
            context = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithDeadline(own));
        }

        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(Typed(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(context);
        return new AsyncClientStreamingCall<TRequest, TResponse>(call.RequestStream, Typed(call.ResponseAsync), call.ResponseHeadersAsync,
            call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private static async Task<TResponse> Typed<TResponse>(Task<TResponse> response)
    {
        try
        {
            return await response;
        }
        catch (RpcException e) when (e is not MissionOpsException && e.StatusCode != StatusCode.Cancelled)
        {
            throw MissionOpsException.From(e);
        }
    }
}
