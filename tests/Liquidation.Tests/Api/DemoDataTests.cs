using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore;
using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.DemoData;
using MissionOps.Liquidation.V1;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class DemoDataTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task The_demo_liquidation_has_disposals_in_every_state_and_loads_once()
    {
        await using (var scope = App.Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiquidationDbContext>();
            await db.Plans.ExecuteDeleteAsync();
            var seeder = new MinusmaLiquidation(TimeProvider.System, NullLogger<MinusmaLiquidation>.Instance);
            await seeder.SeedAsync(db, CancellationToken.None);
            await seeder.SeedAsync(db, CancellationToken.None);
        }

        var cases = (await Client.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Minusma })).DisposalCases;
        var assets = (await Client.ListAssetsAsync(new ListAssetsRequest { Parent = Minusma })).Assets;

        Assert.Equal(8, assets.Count);
        Assert.Contains(cases, c => c.State == DisposalState.Disposed);
        Assert.Contains(cases, c => c.State == DisposalState.Approved);
        Assert.Contains(cases, c => c.State == DisposalState.Open);
        Assert.DoesNotContain(cases, c => c.Method is DisposalMethod.CommercialSale or DisposalMethod.SaleToOrganisation or DisposalMethod.GiftToHostGovernment
            && assets.Single(a => a.Name == c.Asset).Category is AssetCategory.Weapon or AssetCategory.Ammunition or AssetCategory.ArmouredVehicle);
    }
}
