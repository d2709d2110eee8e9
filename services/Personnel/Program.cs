using MissionOps.Personnel;
using MissionOps.Personnel.Data;
using MissionOps.Personnel.Manifests;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Http;
using MissionOps.ServiceDefaults.Http.OpenApi;

var builder = WebApplication.CreateBuilder(args);
if (DatabaseMigrationCommand.IsRequested(args))
{
    return await builder.MigrateDatabaseAsync<PersonnelDbContext>(MissionOps.Personnel.Extensions.DatabaseName);
}

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseLoadShedding();

app.MapGrpcService<PersonnelApi>();
app.MapEventStream<MissionOps.Personnel.V1.WatchEventsRequest>(MissionOps.Personnel.V1.PersonnelService.Descriptor);
app.MapHxlFile<MissionOps.Personnel.V1.ExportHeadcountHxlRequest, MissionOps.Personnel.V1.ExportHeadcountHxlResponse>(MissionOps.Personnel.V1.PersonnelService.Descriptor, "ExportHeadcountHxl", "headcount");
app.MapManifestCsv();
app.MapApiDocs(MissionOps.Personnel.V1.PersonnelService.Descriptor, "MissionOps Personnel");
app.MapDefaultEndpoints();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
