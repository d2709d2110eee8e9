using MissionOps.Client;
using MissionOps.Client.Tokens;
using MissionOps.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MissionOps.ServiceDefaults.Clients;

public static class ServiceClients
{
    /// <summary>How long a unary call to another service may take at most (<c>ServiceCalls:Timeout</c>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A gRPC client of another MissionOps service, found by service discovery on its <c>grpc</c>
    /// endpoint (<c>services:{service}:grpc</c>, set by the AppHost), made as MissionOps.Client makes
    /// a partner's: this service's own token for the other (<see cref="BearerTokenHandler"/>), and
    /// its <see cref="CallPolicy"/>: a unary call takes at most <see cref="DefaultTimeout"/> or the
    /// caller's propagated deadline, retries only UNAVAILABLE, briefly, and a refusal is a
    /// MissionOpsException. It carries the caller's cancellation. A <see cref="NeighbourBreaker"/>
    /// holds calls off for a while when most of the recent ones failed.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IHostApplicationBuilder builder, string service)
        where TClient : class
    {
        if (!builder.Services.Any(d => d.ServiceType == typeof(AccessTokens)))
        {
            throw new InvalidOperationException(
                "Calls between services need this service's own identity: Auth:SigningKey in development, " +
                "or Auth:ClientId and Auth:ClientSecret of its client at the OpenID Connect authority. Call AddServiceSecurity first.");
        }

        builder.Services.AddKeyedSingleton(service, (services, _) => new NeighbourBreaker(service,
            services.GetRequiredService<IConfiguration>(), services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<NeighbourBreaker>>()));

#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is an evaluation API; the alternative is a second, gRPC-unaware retry layer.
        return builder.Services.AddGrpcClient<TClient>(options => options.Address = new Uri($"http://_grpc.{service}"))
            .ConfigureChannel(channel =>
            {
                channel.ServiceConfig = CallPolicy.RetryUnavailable(3, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));
                channel.MaxReconnectBackoff = CallPolicy.MaxReconnectBackoff;
            })
            .EnableCallContextPropagation(options => options.SuppressContextNotFoundErrors = true)
            .AddInterceptor(services => new CallPolicy(
                services.GetRequiredService<IConfiguration>().GetValue("ServiceCalls:Timeout", DefaultTimeout),
                services.GetService<TimeProvider>()))
            // Inside the deadline the policy sets, so that a call that runs out of it counts against the neighbour.
            .AddInterceptor(services => services.GetRequiredKeyedService<NeighbourBreaker>(service))
            // gRPC retries by its own policy above; HTTP-level retries would repeat non-idempotent calls.
            .RemoveAllResilienceHandlers()
            .AddHttpMessageHandler(services => new BearerTokenHandler(services.GetRequiredService<AccessTokens>().ForAsync, TokenIssuer.AudienceOf(service)));
#pragma warning restore EXTEXP0001
    }

    /// <summary>A client of another MissionOps service, as above, and the directory its callers ask it through, one per request.</summary>
    public static IHostApplicationBuilder AddServiceClient<TClient, TDirectory>(this IHostApplicationBuilder builder, string service)
        where TClient : class
        where TDirectory : class
    {
        builder.AddServiceClient<TClient>(service);
        builder.Services.AddScoped<TDirectory>();
        return builder;
    }
}
