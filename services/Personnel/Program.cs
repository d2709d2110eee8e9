using MissionOps.Personnel;
using MissionOps.Personnel.Manifests;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Http;
using MissionOps.ServiceDefaults.Http.OpenApi;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapGrpcService<PersonnelApi>();
app.MapEventStream<MissionOps.Personnel.V1.WatchEventsRequest>(MissionOps.Personnel.V1.PersonnelService.Descriptor);
app.MapHxlFile<MissionOps.Personnel.V1.ExportHeadcountHxlRequest, MissionOps.Personnel.V1.ExportHeadcountHxlResponse>(MissionOps.Personnel.V1.PersonnelService.Descriptor, "ExportHeadcountHxl", "headcount");
app.MapManifestCsv();
app.MapApiDocs(MissionOps.Personnel.V1.PersonnelService.Descriptor, "MissionOps Personnel");
app.MapDefaultEndpoints();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
