using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Sites.Client;

/// <summary>
/// Refuses a change (a request with a <c>request_id</c>) in a mission the Sites service does not have, naming the field
/// that names it: Sites owns the missions, and a service that only files things under a mission would otherwise
/// store them under any name. Sites unreachable fails the change with UNAVAILABLE.
/// </summary>
public sealed class KnownMissionInterceptor(KnownMissions known, SitesDirectory sites) : Interceptor
{
    private static readonly ConcurrentDictionary<MessageDescriptor, bool> Changes = new();

    // A read goes straight on, without a frame of this interceptor's own: most calls are reads.
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation) =>
        request is IMessage message && IsChange(message.Descriptor)
            ? CheckThenContinueAsync(request, message, context, continuation)
            : continuation(request, context);

    private async Task<TResponse> CheckThenContinueAsync<TRequest, TResponse>(TRequest request, IMessage message, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        await CheckAsync(message, context.CancellationToken);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        // The stream's first message (its header) names the mission; the handler still reads it first.
        var first = await requestStream.MoveNext(context.CancellationToken) ? requestStream.Current : default;
        await CheckAsync(first as IMessage, context.CancellationToken);
        return await continuation(new ReplayingStreamReader<TRequest>(first, requestStream), context);
    }

    private async Task CheckAsync(IMessage? request, CancellationToken cancellationToken)
    {
        if (request is null || !IsChange(request.Descriptor) || RequestMission.Find(request) is not { } named)
        {
            return;
        }

        if (named.MissionId.Length > 0 && !await known.ExistsAsync(named.MissionId, sites, cancellationToken))
        {
            throw new InvalidArgumentException(named.Field, $"missions/{named.MissionId} is not a mission the Sites service has");
        }
    }

    private static bool IsChange(MessageDescriptor type) => Changes.GetOrAdd(type, t =>
        t.FindFieldByName("request_id") is not null
        || t.Fields.InFieldNumberOrder().Any(f => f.FieldType == FieldType.Message && f.MessageType.FindFieldByName("request_id") is not null));
}
