using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionOps.ServiceDefaults.Telemetry;
using MissionOps.Testing;

namespace MissionOps.Benchmarks;

/// <summary>
/// A service as the system runs it (authentication, authorization, interceptors, telemetry),
/// except that it logs only warnings and runs without its half-minute samplers, whose background
/// queries would land inside random measurements.
/// </summary>
public sealed class QuietServiceFactory<TProgram>(PostgresServer postgres, string connectionName, string database)
    : GrpcServiceFactory<TProgram>(postgres, connectionName, database)
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Not the errors of a start: the key ring and EF's first queries run before the service's migrator has made the
        // database and its tables. A failure while measuring still fails its call, and the benchmark with it.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database", "None");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Query", "None");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "None");
        // Not its warning that the HTTP/1.1-and-2 endpoint speaks HTTP/1.1 only without TLS: the benchmark calls the h2c one.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel", "Error");
        builder.ConfigureTestServices(services =>
        {
            foreach (var sampler in services.Where(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationType?.IsSubclassOf(typeof(PeriodicSampler)) == true).ToList())
            {
                services.Remove(sampler);
            }
        });
    }
}
