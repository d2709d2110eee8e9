using System.Threading.RateLimiting;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Http;

/// <summary>
/// More calls at once than the service can work on are not all taken in: past <c>Limits:ConcurrentCalls</c> running
/// and <c>Limits:QueuedCalls</c> waiting, a call is refused at once with UNAVAILABLE (reason OVERLOADED, a RetryInfo
/// and gRPC's retry pushback), before it is authenticated or read, so the calls taken in keep their pace and the
/// service stays responsive. Health checks, reflection and feeds (long-lived streams) are never refused.
/// </summary>
public static class LoadShedding
{
    /// <summary>When a refused caller should try again; MissionOps clients' channels retry UNAVAILABLE by themselves.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private const string Shed = "calls";

    public static IHostApplicationBuilder AddLoadShedding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(_ => { });
        // Read when the limiter is made, after every configuration source (a test host's settings come late).
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var permits = configuration.GetValue("Limits:ConcurrentCalls", 64);
            var queue = configuration.GetValue("Limits:QueuedCalls", 256);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsShed(context)
                ? RateLimitPartition.GetConcurrencyLimiter(Shed, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = permits,
                    QueueLimit = queue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = (rejected, _) => RefuseAsync(rejected.HttpContext);
        });
        return builder;
    }

    public static WebApplication UseLoadShedding(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The service's own unary and client-streaming methods, over gRPC or HTTP/JSON.</summary>
    private static bool IsShed(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc
        && grpc.Method.Type is MethodType.Unary or MethodType.ClientStreaming
        && !grpc.Method.ServiceName.StartsWith("grpc.", StringComparison.Ordinal);

    private static async ValueTask RefuseAsync(HttpContext context)
    {
        var refusal = RpcErrors.Build(Google.Rpc.Code.Unavailable, ErrorLanguage.MessageOf(ErrorReason.Overloaded, ErrorLanguage.English)!, ErrorReason.Overloaded,
            new Google.Rpc.RetryInfo { RetryDelay = Duration.FromTimeSpan(RetryAfter) });
        // With a LocalizedMessage in the caller's language, as the error interceptor gives every other refusal: this one comes before it.
        refusal = ErrorLanguage.Localized(refusal, ErrorLanguage.Of(context.Request.Headers.AcceptLanguage));
        var response = context.Response;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // A trailers-only gRPC answer: the status in the headers, no message.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = context.Request.ContentType;
            response.Headers["grpc-status"] = ((int)refusal.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(refusal.Status.Detail);
            response.Headers["grpc-retry-pushback-ms"] = ((int)RetryAfter.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var entry in refusal.Trailers.Where(t => t.IsBinary))
            {
                response.Headers[entry.Key] = Convert.ToBase64String(entry.ValueBytes);
            }

            return;
        }

        response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await StatusJson.From(refusal).ExecuteAsync(context);
    }
}
