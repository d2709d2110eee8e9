using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// Every RPC but health and reflection needs a valid token (UNAUTHENTICATED otherwise) and a role
/// that allows what the RPC needs in the mission the request names (PERMISSION_DENIED
/// otherwise), checked before the service looks anything up, so neither answer tells whether the
/// resource exists.
/// </summary>
public sealed class AuthorizationInterceptor(RpcPermissions permissions) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context, request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context, request);
        return continuation(request, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        // The mission of a stream is in its first message (a manifest's header): read it, decide, then hand the stream on whole.
        var first = await requestStream.MoveNext(context.CancellationToken) ? requestStream.Current : default;
        Authorize(context, first);
        return await continuation(new ReplayingStreamReader<TRequest>(first, requestStream), context);
    }

    private void Authorize(ServerCallContext context, object? request)
    {
        if (context.Method.StartsWith("/grpc.health.", StringComparison.Ordinal) || context.Method.StartsWith("/grpc.reflection.", StringComparison.Ordinal))
        {
            return;
        }

        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true)
        {
            throw Refusal(StatusCode.Unauthenticated, "AUTHENTICATION_REQUIRED", "A valid bearer token for this service is required.");
        }

        var access = permissions.For(context.Method, request as IMessage);
        var mission = request is IMessage message ? MissionOf(message) : null;
        var allowed = access is { } needed && (mission is null
            ? MissionRoles.Of(user).Any(r => MissionRoles.Grants(r.Role, needed))
            : MissionRoles.Allows(user, mission, needed));
        if (!allowed)
        {
            throw Refusal(StatusCode.PermissionDenied, "PERMISSION_DENIED",
                $"The token's roles do not allow {context.Method[(context.Method.LastIndexOf('/') + 1)..]} here.");
        }

        AuditScope.Current = new AuditActor(
            user.FindFirst("sub")?.Value ?? "unknown",
            MissionRoles.Of(user).Where(r => mission is null || r.Mission == mission || r.Mission == MissionRoles.AnyMission)
                .Select(r => $"{r.Mission}:{r.Role}").ToList(),
            user.FindFirst("partner")?.Value,
            context.Method)
        {
            Peer = context.Peer,
            UserAgent = context.RequestHeaders.GetValue("user-agent"),
        };
    }

    /// <summary>The mission a request touches: the first resource name in it (<c>missions/{mission}/...</c>), or its mission_id.</summary>
    public static string? MissionOf(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsRepeated || field.IsMap)
            {
                continue;
            }

            if (field.FieldType == FieldType.String && field.Accessor.GetValue(message) is string { Length: > 0 } value)
            {
                if (value.StartsWith("missions/", StringComparison.Ordinal))
                {
                    return value.Split('/')[1];
                }

                if (field.Name == "mission_id")
                {
                    return value;
                }
            }
            else if (field.FieldType == FieldType.Message && field.Accessor.GetValue(message) is IMessage nested && MissionOf(nested) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static RpcException Refusal(StatusCode code, string reason, string message)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new ErrorInfo { Reason = reason, Domain = ErrorDomain.Name }));
        return status.ToRpcException();
    }

    private sealed class ReplayingStreamReader<T>(T? first, IAsyncStreamReader<T> rest) : IAsyncStreamReader<T>
    {
        private bool _replayed = first is null;

        public T Current { get; private set; } = default!;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!_replayed)
            {
                _replayed = true;
                Current = first!;
                return true;
            }

            if (!await rest.MoveNext(cancellationToken))
            {
                return false;
            }

            Current = rest.Current;
            return true;
        }
    }
}
