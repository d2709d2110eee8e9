using Grpc.Core;
using Grpc.Core.Interceptors;

namespace MissionOps.ServiceDefaults.Clients;

/// <summary>
/// Gives each unary call to another service a timeout of its own, so a service that accepts the
/// connection and never answers cannot hold a request (and its transaction) for as long as the
/// caller is willing to wait, or forever. A shorter deadline, such as the caller's propagated one,
/// still wins. Streams such as event feeds are left open.
/// </summary>
public sealed class CallDeadlineInterceptor(TimeSpan timeout, TimeProvider clock) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var own = clock.GetUtcNow().UtcDateTime + timeout;
        if (own < context.Options.Deadline.GetValueOrDefault(DateTime.MaxValue))
        {
            context = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithDeadline(own));
        }

        return continuation(request, context);
    }
}
