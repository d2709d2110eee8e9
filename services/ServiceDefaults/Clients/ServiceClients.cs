using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.ServiceDefaults.Clients;

public static class ServiceClients
{
    /// <summary>
    /// A gRPC client of another MissionOps service, found by service discovery on its <c>grpc</c>
    /// endpoint (<c>services:{service}:grpc</c>, set by the AppHost). It carries the caller's
    /// deadline and cancellation, and retries only UNAVAILABLE, briefly.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IHostApplicationBuilder builder, string service)
        where TClient : class
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is an evaluation API; the alternative is a second, gRPC-unaware retry layer.
        return builder.Services.AddGrpcClient<TClient>(options => options.Address = new Uri($"http://_grpc.{service}"))
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
            .RemoveAllResilienceHandlers()
            .AddHttpMessageHandler(services => services.GetService<TokenIssuer>() is { } issuer
                ? new ServiceTokenHandler(issuer, services.GetRequiredService<RpcPermissions>().Service, service,
                    services.GetService<TimeProvider>() ?? TimeProvider.System)
                : throw new InvalidOperationException(
                    "Calls between services need a service identity: with an OpenID Connect authority, configure client credentials (not yet supported)."));
#pragma warning restore EXTEXP0001
    }
}
