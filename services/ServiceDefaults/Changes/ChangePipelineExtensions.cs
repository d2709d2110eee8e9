using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MissionOps.ServiceDefaults.Changes;

public static class ChangePipelineExtensions
{
    /// <summary>The change pipeline over the service's database, with its aggregates' contracts.</summary>
    public static IServiceCollection AddChangePipeline<TDb>(this IServiceCollection services, ChangeContracts contracts)
        where TDb : DbContext
    {
        services.AddSingleton(contracts);
        services.AddScoped<ChangePipeline<TDb>>();
        return services;
    }
}
