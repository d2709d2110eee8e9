using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Http;
using MissionOps.ServiceDefaults.Http.OpenApi;
using MissionOps.Sites;
using MissionOps.Sites.Data;

var builder = WebApplication.CreateBuilder(args);
if (DatabaseMigrationCommand.IsRequested(args))
{
    return await builder.MigrateDatabaseAsync<SitesDbContext>(MissionOps.Sites.Extensions.DatabaseName);
}

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseLoadShedding();

app.MapGrpcService<SitesApi>();
app.MapEventStream<MissionOps.Sites.V1.WatchEventsRequest>(MissionOps.Sites.V1.SitesService.Descriptor);
app.MapHxlFile<MissionOps.Sites.V1.ExportSitesHxlRequest, MissionOps.Sites.V1.ExportSitesHxlResponse>(MissionOps.Sites.V1.SitesService.Descriptor, "ExportSitesHxl", "sites");
app.MapApiDocs(MissionOps.Sites.V1.SitesService.Descriptor, "MissionOps Sites");
app.MapDefaultEndpoints();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
