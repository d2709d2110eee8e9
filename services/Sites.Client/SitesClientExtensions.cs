using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Clients;
using MissionOps.Sites.V1;

namespace MissionOps.Sites.Client;

public static class SitesClientExtensions
{
    /// <summary>A Sites client, a <see cref="SitesDirectory"/> over it, and changes refused in a mission Sites does not have.</summary>
    public static IHostApplicationBuilder AddSitesClient(this IHostApplicationBuilder builder)
    {
        builder.AddServiceClient<SitesService.SitesServiceClient, SitesDirectory>(ServiceNames.Sites);
        builder.Services.AddSingleton<KnownMissions>();
        builder.Services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<KnownMissionInterceptor>());
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<SiteRegions>();
        return builder;
    }
}
