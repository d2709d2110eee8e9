using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionOps.ServiceDefaults.Data;

namespace MissionOps.ServiceDefaults.DemoData;

public static class DemoDataExtensions
{
    /// <summary>Whether the service loads its demo data when it starts: <c>DemoData:Load</c>, which the AppHost sets in development.</summary>
    public static bool LoadsDemoData(this IHostApplicationBuilder builder) => builder.Configuration.GetValue<bool>("DemoData:Load");

    /// <summary>A seeder of the demo data, run after the migrations when the service loads its demo data; seeders run in the order added.</summary>
    public static IHostApplicationBuilder AddDemoData<TDb, TSeeder>(this IHostApplicationBuilder builder)
        where TDb : DbContext
        where TSeeder : class, IDatabaseSeeder<TDb>
    {
        if (builder.LoadsDemoData())
        {
            builder.Services.AddScoped<IDatabaseSeeder<TDb>, TSeeder>();
        }

        return builder;
    }
}
