using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Events;

namespace MissionOps.ServiceDefaults.Http;

/// <summary>
/// A mission's feed as Server-Sent Events, <c>GET /v1/missions/{mission}/events:stream</c>: the service's WatchEvents with
/// the caller's token, each event <c>id: sequence</c>, <c>event: type</c>, <c>data: the ChangeEvent as JSON</c>,
/// resumed after <c>Last-Event-ID</c> (or <c>?after=</c>), heartbeats as comments.
/// </summary>
public static class EventStreamEndpoint
{
    public const string Route = "/v1/missions/{mission}/events:stream";

    public static IEndpointRouteBuilder MapEventStream<TRequest>(this IEndpointRouteBuilder app, ServiceDescriptor service)
        where TRequest : class, IMessage<TRequest>, new()
    {
        var method = new Method<TRequest, ChangeEvent>(MethodType.ServerStreaming, service.FullName, "WatchEvents",
            OwnGrpc.Marshaller<TRequest>(), OwnGrpc.Marshaller<ChangeEvent>());
        app.MapGet(Route, (HttpContext http, string mission, string? after, OwnGrpc own) => StreamAsync<TRequest>(http, mission, after, own, method));
        return app;
    }

    private static async Task StreamAsync<TRequest>(HttpContext http, string mission, string? after, OwnGrpc own, Method<TRequest, ChangeEvent> method)
        where TRequest : class, IMessage<TRequest>, new()
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            await StatusJson.TokenRequired().ExecuteAsync(http);
            return;
        }

        var resume = http.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } lastId ? lastId : after ?? "0";
        if (!long.TryParse(resume, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence))
        {
            await StatusJson.Refusal(Google.Rpc.Code.InvalidArgument,
                $"Last-Event-ID (or after) must be the sequence of the last event read, a whole number; '{resume}' is not.", ErrorReason.InvalidRequest)
                .ExecuteAsync(http);
            return;
        }

        try
        {
            EventFeed.Parse($"missions/{mission}", sequence, [], new HashSet<string>());
        }
        catch (Exception e) when (StatusJson.FromShared(e) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        var request = new TRequest();
        var fields = request.Descriptor.Fields;
        fields.InDeclarationOrder().Single(f => f.Name == "parent").Accessor.SetValue(request, $"missions/{mission}");
        fields.InDeclarationOrder().Single(f => f.Name == "after_sequence").Accessor.SetValue(request, sequence);

        using var call = own.InvokerFor(http).AsyncServerStreamingCall(method, null, OwnGrpc.OptionsFor(http), request);
        Task<bool> next;
        try
        {
            // The feed says at once that the caller is admitted; a refusal ends the call instead, before any event.
            var headers = await call.ResponseHeadersAsync;
            next = call.ResponseStream.MoveNext(http.RequestAborted);
            if (headers.GetValue(Security.AuthorizationInterceptor.AdmittedHeader) is null)
            {
                await next;
            }
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            await StatusJson.From(e).ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await WriteAsync(http, ": following the feed\n\n");
        try
        {
            while (await next)
            {
                await WriteAsync(http, Format(call.ResponseStream.Current));
                next = call.ResponseStream.MoveNext(http.RequestAborted);
            }
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled && !http.RequestAborted.IsCancellationRequested)
        {
            var status = e.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)e.StatusCode, Message = e.Status.Detail };
            await WriteAsync(http, $"event: error\ndata: {StatusJson.Formatter.Format(status)}\n\n");
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            // The follower left.
        }
    }

    /// <summary>An event, or a heartbeat (no type) as a comment: it carries no id, so a reconnection resumes after the last event.</summary>
    public static string Format(ChangeEvent e) => e.Type.Length == 0
        ? $": heartbeat {e.Sequence}\n\n"
        : $"id: {e.Sequence}\nevent: {e.Type}\ndata: {StatusJson.Formatter.Format(e)}\n\n";

    private static async Task WriteAsync(HttpContext http, string text)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
