using MissionOps.ServiceDefaults;

namespace MissionOps.Testing;

/// <summary>A service that calls Sites, pointed at the given address (a real Sites service, or a closed port).</summary>
public class SitesDependentServiceFactory<TProgram> : GrpcServiceFactory<TProgram>
    where TProgram : class
{
    public SitesDependentServiceFactory(PostgresServer postgres, string connectionName, string database, Uri sitesAddress)
        : base(postgres, connectionName, database) => WithService(ServiceNames.Sites, sitesAddress);
}
