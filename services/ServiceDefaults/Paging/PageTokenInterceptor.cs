using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace MissionOps.ServiceDefaults.Paging;

/// <summary>Gives every list call (a request with a page_token) its <see cref="PageTokens"/> binding, so no list can forget it.</summary>
public sealed class PageTokenInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message && message.Descriptor.FindFieldByName("page_token") is not null)
        {
            PageTokens.Enter(context, message);
        }

        return await continuation(request, context);
    }
}
