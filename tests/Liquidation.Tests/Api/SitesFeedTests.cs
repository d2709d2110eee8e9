using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.V1;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>Liquidation follows the Sites feed: a closed site opens the disposal of the assets registered there.</summary>
public sealed class SitesFeedTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task A_closed_site_opens_the_disposal_of_its_assets_once_even_when_the_event_is_handled_again()
    {
        var prefab = CreateAsset("prefab-1", AssetCategory.PrefabricatedBuilding, 100_000);
        prefab.Asset.Site = "missions/minusma/sites/douentza";
        await Client.CreateAssetAsync(prefab);
        var generator = CreateAsset("gen-1", AssetCategory.Generator, 100_000);
        generator.Asset.Site = "missions/minusma/sites/douentza";
        await Client.CreateAssetAsync(generator);
        await Client.CreateAssetAsync(CreateAsset("elsewhere", AssetCategory.Generator, 100_000));

        await MinusmaSites.CloseAsync(App.SitesClient, "douentza");
        var cases = await CasesWhenAsync(c => c.Count >= 2);

        Assert.Equal(new[] { $"{Minusma}/assets/gen-1", $"{Minusma}/assets/prefab-1" }, cases.Select(c => c.Asset).Order());
        var premises = cases.Single(c => c.Asset.EndsWith("prefab-1", StringComparison.Ordinal));
        Assert.Equal((DisposalGroup.V, DisposalMethod.HandoverToHostGovernment), (premises.Group, premises.Method));
        Assert.Contains("missions/minusma/sites/douentza", premises.OpenedByEvent);
        Assert.Equal(AssetState.Registered, (await Client.GetAssetAsync(new GetAssetRequest { Name = $"{Minusma}/assets/elsewhere" })).State);
        var audit = await Client.ListAuditEntriesAsync(new MissionOps.Liquidation.V1.ListAuditEntriesRequest { Parent = Minusma, Resource = premises.Name });
        Assert.Equal("service:liquidation", Assert.Single(audit.AuditEntries).Subject);

        await using (var scope = App.Service.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LiquidationDbContext>().Set<ServiceDefaults.Events.FeedCursor>().ExecuteDeleteAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, (await Client.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Minusma })).DisposalCases.Count);
    }

    [Fact]
    public async Task A_deleted_asset_is_neither_put_to_disposal_when_its_site_closes_nor_written_off_when_it_is_left()
    {
        foreach (var id in new[] { "gen-1", "gen-2" })
        {
            var generator = CreateAsset(id, AssetCategory.Generator, 100_000);
            generator.Asset.Site = "missions/minusma/sites/douentza";
            await Client.CreateAssetAsync(generator);
        }

        var mistaken = await Client.DeleteAssetAsync(new DeleteAssetRequest { Name = $"{Minusma}/assets/gen-2", RequestId = NewId() });

        await MinusmaSites.CloseAsync(App.SitesClient, "douentza");
        Assert.Equal([$"{Minusma}/assets/gen-1"], (await CasesWhenAsync(c => c.Count >= 1)).Select(c => c.Asset));
        await MinusmaSites.LeaveWithoutHandoverAsync(App.SitesClient, "douentza", "MINUSMA/BOI/2023/031");
        var cases = await CasesWhenAsync(c => c.Any(d => d.State == DisposalState.Disposed));

        Assert.Equal([($"{Minusma}/assets/gen-1", DisposalState.Disposed)], cases.Select(c => (c.Asset, c.State)));
        Assert.Equal(mistaken, await Client.GetAssetAsync(new GetAssetRequest { Name = mistaken.Name }));
    }

    [Fact]
    public async Task Two_replicas_handling_the_same_closure_at_once_open_each_disposal_once()
    {
        foreach (var id in new[] { "gen-1", "gen-2", "gen-3" })
        {
            var asset = CreateAsset(id, AssetCategory.Generator, 100_000);
            asset.Asset.Site = "missions/minusma/sites/sevare";
            await Client.CreateAssetAsync(asset);
        }

        var closed = new MissionOps.Common.V1.ChangeEvent
        {
            Sequence = 1_000_000_000,
            Type = SiteClosed.Descriptor.FullName,
            Resource = "missions/minusma/sites/sevare",
            Payload = Google.Protobuf.WellKnownTypes.Any.Pack(new SiteClosed { Site = new Site { Name = "missions/minusma/sites/sevare", State = SiteState.Closed } }),
        };

        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = App.Service.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Feeds.SiteClosedHandler>().HandleAsync(closed, CancellationToken.None);
        }));

        var cases = (await Client.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Minusma })).DisposalCases;
        Assert.Equal(3, cases.Count(c => c.OpenedByEvent.Contains("sites/sevare", StringComparison.Ordinal)));
        var audit = await Client.ListAuditEntriesAsync(new MissionOps.Liquidation.V1.ListAuditEntriesRequest { Parent = Minusma, Subject = "service:liquidation" });
        Assert.Equal(3, audit.AuditEntries.Count);
    }
}
