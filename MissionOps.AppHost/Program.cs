using MissionOps.AppHost;
using MissionOps.AppHost.Postgres;
using MissionOps.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

MissionDatabases databases;
try
{
    databases = MissionDatabases.Add(builder);
}
catch (PostgresUnavailableException missing)
{
    Console.Error.WriteLine(missing.Message);
    return 1;
}

var signingKey = DevelopmentSigningKey.Add(builder);

var sites = builder.AddGrpcService<Projects.Sites>(ServiceNames.Sites, port: 5101, signingKey)
    .WithDatabase(databases, "sitesdb");

var personnel = builder.AddGrpcService<Projects.Personnel>(ServiceNames.Personnel, port: 5102, signingKey)
    .WithDatabase(databases, "personneldb")
    .WithReference(sites.GetEndpoint(GrpcServices.Endpoint))
    .WaitFor(sites);

var projects = builder.AddGrpcService<Projects.Projects>(ServiceNames.Projects, port: 5103, signingKey)
    .WithDatabase(databases, "projectsdb")
    .WithReference(sites.GetEndpoint(GrpcServices.Endpoint))
    .WaitFor(sites);

var liquidation = builder.AddGrpcService<Projects.Liquidation>(ServiceNames.Liquidation, port: 5104, signingKey)
    .WithReadinessCommand(sites, signingKey)
    .WithDatabase(databases, "liquidationdb")
    .WithReference(sites.GetEndpoint(GrpcServices.Endpoint))
    .WithReference(personnel.GetEndpoint(GrpcServices.Endpoint))
    .WithReference(projects.GetEndpoint(GrpcServices.Endpoint))
    .WaitFor(sites)
    .WaitFor(personnel)
    .WaitFor(projects);

// Sites asks Personnel and Projects before a site may close; they start after Sites, so Sites does not wait for them.
sites.WithReference(personnel.GetEndpoint(GrpcServices.Endpoint))
    .WithReference(projects.GetEndpoint(GrpcServices.Endpoint));

builder.AddDrawdownBoard(signingKey, sites, personnel, projects, liquidation);

databases.AddDemoDataReset(builder);

builder.Build().Run();
return 0;
