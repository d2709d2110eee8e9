using MissionOps.Liquidation;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapGrpcService<LiquidationApi>();
app.MapEventStream<MissionOps.Liquidation.V1.WatchEventsRequest>(MissionOps.Liquidation.V1.LiquidationService.Descriptor);
app.MapDefaultEndpoints();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
