using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MissionOps.ServiceDefaults.Errors;

/// <summary>
/// Gives every service one error model: domain exceptions become rich gRPC statuses, and any other
/// failure becomes INTERNAL carrying only a trace id to quote; its detail (exception, SQL state)
/// goes to the log under that trace id, never to the caller.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (Map(InRequest(exception, request), context) is { } rpc)
        {
            throw rpc;
        }
    }

    /// <summary>A breach of the domain's rules names the field of this request that carried the value.</summary>
    private static Exception InRequest(Exception exception, object request) =>
        exception is RuleBreachException { Breach: var breach } && request is Google.Protobuf.IMessage message
            ? RpcErrors.Answered(breach, Contracts.RequestFields.PathOf(message.Descriptor, breach.Attribute) ?? breach.Attribute)
            : exception;

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (Map(exception, context) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (Map(exception, context) is { } rpc)
        {
            throw rpc;
        }
    }

    private RpcException? Map(Exception exception, ServerCallContext context)
    {
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            // The caller went away.
            return null;
        }

        var language = ErrorLanguage.Of(context.RequestHeaders.GetValue("accept-language"));
        if (exception is RpcException status)
        {
            // Already a status (a refusal, a call that failed downstream and was named): only its language is added.
            var localized = ErrorLanguage.Localized(status, language);
            return ReferenceEquals(localized, status) ? null : localized;
        }

        var rpc = RpcErrors.From(exception);
        if (rpc is not null)
        {
            logger.LogInformation("{Method} refused with {Status}: {Message}", context.Method, rpc.StatusCode, exception.Message);
            return ErrorLanguage.Localized(rpc, language);
        }

        var traceId = Activity.Current?.TraceId.ToHexString() ?? context.GetHttpContext().TraceIdentifier;
        logger.LogError(exception, "{Method} failed unexpectedly (trace {TraceId}, SQL state {SqlState})",
            context.Method, traceId, (exception as PostgresException ?? exception.InnerException as PostgresException)?.SqlState);
        return ErrorLanguage.Localized(RpcErrors.Unexpected(traceId), language);
    }
}
