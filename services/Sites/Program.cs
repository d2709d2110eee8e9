using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Http;
using MissionOps.Sites;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapGrpcService<SitesApi>();
app.MapEventStream<MissionOps.Sites.V1.WatchEventsRequest>(MissionOps.Sites.V1.SitesService.Descriptor);
app.MapDefaultEndpoints();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
