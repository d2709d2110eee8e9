using MissionOps.AppHost;
using MissionOps.AppHost.Postgres;

var builder = DistributedApplication.CreateBuilder(args);

var databases = MissionDatabases.Add(builder);

builder.AddGrpcService<Projects.Sites>("sites", port: 5101)
    .WithDatabase(databases, "sitesdb");

// Reserved fixed ports: personnel 5102, projects 5103, liquidation 5104.

builder.Build().Run();
