using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionOps.ServiceDefaults.Data;

namespace MissionOps.ServiceDefaults.Changes;

public static class ChangePipelineExtensions
{
    /// <summary>
    /// The service's database (<c>ConnectionStrings:{databaseName}</c>) and the one way to change it: the change
    /// pipeline over it, with its aggregates' contracts and the clock that dates the changes.
    /// </summary>
    public static IHostApplicationBuilder AddChangePipeline<TDb>(this IHostApplicationBuilder builder, string databaseName, ChangeContracts contracts)
        where TDb : DbContext
    {
        builder.AddServiceDatabase<TDb>(databaseName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(contracts);
        builder.Services.AddScoped<ChangePipeline<TDb>>();
        return builder;
    }
}
