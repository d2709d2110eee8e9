using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>
/// The one place every text of every request goes through: before an endpoint sees a message,
/// <see cref="RequestText"/> refuses a character that cannot be stored (INVALID_ARGUMENT naming the
/// field) and puts the rest in NFC. A streamed request is checked message by message as it is read.
/// </summary>
public sealed class RequestTextInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Accept(new RequestText(), request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Accept(new RequestText(), request);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new CheckedStreamReader<TRequest>(requestStream), context);

    private static void Accept(RequestText text, object? request)
    {
        if (request is IMessage message && text.Check(message) is { Count: > 0 } violations)
        {
            throw new InvalidArgumentException(violations);
        }
    }

    private sealed class CheckedStreamReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
    {
        private readonly RequestText _text = new();

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken))
            {
                return false;
            }

            Accept(_text, inner.Current);
            return true;
        }
    }
}
