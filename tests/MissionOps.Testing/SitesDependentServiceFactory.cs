using Microsoft.AspNetCore.Hosting;

namespace MissionOps.Testing;

/// <summary>A service that calls Sites, pointed at the given address (a real Sites service, or a closed port).</summary>
public class SitesDependentServiceFactory<TProgram>(PostgresServer postgres, string connectionName, string database, Uri sitesAddress)
    : GrpcServiceFactory<TProgram>(postgres, connectionName, database)
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("services:sites:grpc:0", sitesAddress.ToString());
    }

    /// <summary>An address where nothing listens: a port taken and released at once.</summary>
    public static Uri ClosedAddress()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}");
    }
}
