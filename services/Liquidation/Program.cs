using MissionOps.Liquidation;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Http;
using MissionOps.ServiceDefaults.Http.OpenApi;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapGrpcService<LiquidationApi>();
app.MapEventStream<MissionOps.Liquidation.V1.WatchEventsRequest>(MissionOps.Liquidation.V1.LiquidationService.Descriptor);
app.MapApiDocs(MissionOps.Liquidation.V1.LiquidationService.Descriptor, "MissionOps Liquidation");
app.MapDefaultEndpoints();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
