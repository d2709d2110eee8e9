using MissionOps.Projects;
using MissionOps.Projects.Data;
using MissionOps.Projects.Iati;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Http;
using MissionOps.ServiceDefaults.Http.OpenApi;

var builder = WebApplication.CreateBuilder(args);
if (DatabaseMigrationCommand.IsRequested(args))
{
    return await builder.MigrateDatabaseAsync<ProjectsDbContext>(MissionOps.Projects.Extensions.DatabaseName);
}

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseLoadShedding();

app.MapGrpcService<ProjectsApi>();
app.MapEventStream<MissionOps.Projects.V1.WatchEventsRequest>(MissionOps.Projects.V1.ProjectsService.Descriptor);
app.MapPublishedIati();
app.MapApiDocs(MissionOps.Projects.V1.ProjectsService.Descriptor, "MissionOps Projects");
app.MapDefaultEndpoints();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
