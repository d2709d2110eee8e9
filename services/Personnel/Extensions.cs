using Grpc.Net.Client.Configuration;
using MissionOps.Personnel.Data;
using MissionOps.Personnel.DemoData;
using MissionOps.Personnel.Headcount;
using MissionOps.Personnel.Telemetry;
using MissionOps.ServiceDefaults.Data;
using MissionOps.Sites.V1;

namespace MissionOps.Personnel;

public static class Extensions
{
    public const string DatabaseName = "personneldb";

    /// <summary>The Sites service's gRPC endpoint, found by service discovery (<c>services:sites:grpc</c>).</summary>
    public const string SitesAddress = "http://_grpc.sites";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PersonnelDbContext>(DatabaseName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<HeadcountQueries>();
        builder.Services.AddScoped<SitesDirectory.SitesDirectory>();
        builder.Services.AddSingleton<PersonnelMetrics>();
        builder.Services.AddHostedService<HeadcountSampler>();

#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is an evaluation API; the alternative is a second, gRPC-unaware retry layer.
        builder.Services.AddGrpcClient<SitesService.SitesServiceClient>(options => options.Address = new Uri(SitesAddress))
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig
            {
                // Transient failures only: gRPC retries UNAVAILABLE, briefly, and nothing else.
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

        if (builder.Configuration.GetValue<bool>("DemoData:Load"))
        {
            builder.Services.AddScoped<IDatabaseSeeder<PersonnelDbContext>, MinusmaPersonnel>();
        }

        return builder;
    }
}
