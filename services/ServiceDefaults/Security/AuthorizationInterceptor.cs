using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using ErrorReason = MissionOps.Common.V1.ErrorReason;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// Every RPC but health and reflection needs a valid token (UNAUTHENTICATED otherwise) and a role
/// that allows what the RPC needs in the mission the request names (PERMISSION_DENIED
/// otherwise), checked before the service looks anything up, so neither answer tells whether the
/// resource exists.
/// </summary>
public sealed class AuthorizationInterceptor(RpcPermissions permissions) : Interceptor
{
    /// <summary>The header a stream (either way) starts with once its caller is admitted.</summary>
    public const string AdmittedHeader = "missionops-admitted";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var caller = Authorize(context, request);
        var response = await continuation(request, context);
        if (caller is not null)
        {
            await caller.AnswerAsync(response, request, context);
        }

        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var caller = Authorize(context, request);
        if (caller is null)
        {
            await continuation(request, responseStream, context);
            return;
        }

        // A feed never ends by itself: following one that carries personal data is audited when it starts.
        await caller.AuditReadAsync(request, context);
        // Admitted: said at once, so that a follower (the Server-Sent Events endpoint) need not wait for the first event to know.
        await context.WriteResponseHeadersAsync(new Metadata { { AdmittedHeader, "true" } });
        await continuation(request, caller.Answering(responseStream, request, context), context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        // The mission of a stream is in its first message (a manifest's header): read it, decide, then hand the stream on whole.
        var first = await requestStream.MoveNext(context.CancellationToken) ? requestStream.Current : default;
        var caller = Authorize(context, first);
        if (caller is not null)
        {
            // Admitted: said at once, so that an upload (the manifest CSV endpoint) knows before it reads the file.
            await context.WriteResponseHeadersAsync(new Metadata { { AdmittedHeader, "true" } });
        }

        var response = await continuation(new ReplayingStreamReader<TRequest>(first, requestStream), context);
        if (caller is not null)
        {
            await caller.AnswerAsync(response, first, context);
        }

        return response;
    }

    private PersonalDataAnswer? Authorize(ServerCallContext context, object? request)
    {
        if (context.Method.StartsWith("/grpc.health.", StringComparison.Ordinal) || context.Method.StartsWith("/grpc.reflection.", StringComparison.Ordinal))
        {
            return null;
        }

        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true)
        {
            throw Refusal(StatusCode.Unauthenticated, ErrorReason.AuthenticationRequired, "A valid bearer token for this service is required.");
        }

        var access = permissions.For(context.Method, request as IMessage);
        var mission = request is IMessage message ? RequestMission.Find(message)?.MissionId : null;
        var scope = RegionScope.Of(user, mission);
        bool Allows(Access needed) => mission is null
            ? MissionRoles.Of(user).Any(r => MissionRoles.Grants(r.Role, needed))
            : MissionRoles.Allows(user, mission, needed);

        // A token limited to some regions only reads, never an individual, and only through the reads that honour its scope.
        var allowed = access is { } declared && Allows(declared)
            && (scope is null || (declared == Access.Read && permissions.HonoursRegionScope(context.Method)));
        if (!allowed)
        {
            throw Refusal(StatusCode.PermissionDenied, ErrorReason.PermissionDenied,
                $"The token's roles do not allow {RpcPermissions.NameOf(context.Method)} here.");
        }

        RegionScope.Current = scope;
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
        return new PersonalDataAnswer(mission, permissions.Reads(context.Method, access.GetValueOrDefault()), access == Access.ReadPersonal,
            scope is null && Allows(Access.ReadPersonal), request is IMessage asked ? PersonalData.TypesOf(asked) : null);
    }

    private static RpcException Refusal(StatusCode code, ErrorReason reason, string message) =>
        RpcErrors.Build((Google.Rpc.Code)code, message, reason);
}
