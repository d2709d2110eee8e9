using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace MissionOps.ServiceDefaults.Paging;

/// <summary>Gives every list call (a request with a page_token) its <see cref="PageTokens"/> binding, so no list can forget it.</summary>
public sealed class PageTokenInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        request is IMessage message && message.Descriptor.FindFieldByName("page_token") is not null
            ? ListAsync(request, message, context, continuation)
            : continuation(request, context);

    // Async so that the binding set for the list call ends with it; any other call goes straight on.
    private static async Task<TResponse> ListAsync<TRequest, TResponse>(
        TRequest request, IMessage message, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        PageTokens.Enter(context, message);
        return await continuation(request, context);
    }
}
