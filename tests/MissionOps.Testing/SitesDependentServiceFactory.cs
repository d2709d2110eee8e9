namespace MissionOps.Testing;

/// <summary>A service that calls Sites, pointed at the given address (a real Sites service, or a closed port).</summary>
public class SitesDependentServiceFactory<TProgram> : GrpcServiceFactory<TProgram>
    where TProgram : class
{
    public SitesDependentServiceFactory(PostgresServer postgres, string connectionName, string database, Uri sitesAddress)
        : base(postgres, connectionName, database) => WithService("sites", sitesAddress);

    /// <summary>An address where nothing listens: a port taken and released at once.</summary>
    public static Uri ClosedAddress()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}");
    }
}
