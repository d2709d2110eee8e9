using Microsoft.Extensions.Hosting;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Clients;

namespace MissionOps.Liquidation.Client;

public static class LiquidationClientExtensions
{
    /// <summary>A Liquidation client. No service asks Liquidation anything yet, so there is no directory over it.</summary>
    public static IHostApplicationBuilder AddLiquidationClient(this IHostApplicationBuilder builder)
    {
        builder.AddServiceClient<LiquidationService.LiquidationServiceClient>(ServiceNames.Liquidation);
        return builder;
    }
}
