using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionOps.Sites.V1;

namespace MissionOps.Sites.Client;

public static class SitesClientExtensions
{
    /// <summary>The Sites service's gRPC endpoint, found by service discovery (<c>services:sites:grpc</c>).</summary>
    public const string SitesAddress = "http://_grpc.sites";

    /// <summary>
    /// A Sites client that propagates the caller's deadline and cancellation, retries only
    /// UNAVAILABLE, briefly, and a <see cref="SitesDirectory"/> over it.
    /// </summary>
    public static IHostApplicationBuilder AddSitesClient(this IHostApplicationBuilder builder)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is an evaluation API; the alternative is a second, gRPC-unaware retry layer.
        builder.Services.AddGrpcClient<SitesService.SitesServiceClient>(options => options.Address = new Uri(SitesAddress))
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 3,
                            InitialBackoff = TimeSpan.FromMilliseconds(100),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { Grpc.Core.StatusCode.Unavailable },
                        },
                    },
                },
            })
            .EnableCallContextPropagation(options => options.SuppressContextNotFoundErrors = true)
            // gRPC retries by its own policy above; HTTP-level retries would repeat non-idempotent calls.
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddScoped<SitesDirectory>();
        return builder;
    }
}
