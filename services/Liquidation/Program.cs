using MissionOps.Liquidation;
using MissionOps.Liquidation.Data;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Http;
using MissionOps.ServiceDefaults.Http.OpenApi;

var builder = WebApplication.CreateBuilder(args);
if (DatabaseMigrationCommand.IsRequested(args))
{
    return await builder.MigrateDatabaseAsync<LiquidationDbContext>(MissionOps.Liquidation.Extensions.DatabaseName);
}

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseLoadShedding();

app.MapGrpcService<LiquidationApi>();
app.MapEventStream<MissionOps.Liquidation.V1.WatchEventsRequest>(MissionOps.Liquidation.V1.LiquidationService.Descriptor);
app.MapApiDocs(MissionOps.Liquidation.V1.LiquidationService.Descriptor, "MissionOps Liquidation");
app.MapDefaultEndpoints();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
