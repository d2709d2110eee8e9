using MissionOps.AppHost;
using MissionOps.AppHost.Postgres;

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

builder.AddGrpcService<Projects.Sites>("sites", port: 5101)
    .WithDatabase(databases, "sitesdb");

// Reserved fixed ports: personnel 5102, projects 5103, liquidation 5104.

builder.Build().Run();
return 0;
