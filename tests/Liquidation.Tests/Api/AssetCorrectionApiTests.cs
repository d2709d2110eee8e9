using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class AssetCorrectionApiTests(LiquidationApp app) : LiquidationApiTest(app)
{
    private const string Douentza = "missions/minusma/sites/douentza";

    private static UpdateAssetRequest Update(Asset asset, params string[] paths) =>
        new() { Asset = asset, UpdateMask = new FieldMask { Paths = { paths } }, RequestId = NewId() };

    [Fact]
    public async Task A_correction_changes_only_the_masked_fields_once()
    {
        var created = await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 1_000_000));
        var update = Update(new Asset { Name = created.Name, Site = Douentza, DepreciatedValue = Usd(800_000), Category = AssetCategory.Vehicle },
            "site", "depreciated_value");

        var corrected = await Client.UpdateAssetAsync(update);
        var retried = await Client.UpdateAssetAsync(update);

        Assert.Equal((Douentza, 800_000L, AssetCategory.Generator, created.AcquisitionCost, AssetState.Registered),
            (corrected.Site, corrected.DepreciatedValue.MinorUnits, corrected.Category, corrected.AcquisitionCost, corrected.State));
        Assert.Equal(corrected, retried);
        Assert.Equal(["UpdateAsset", "CreateAsset"], await AuditedAsync(created.Name));
        var audit = (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, Resource = created.Name })).AuditEntries;
        Assert.Equal(Sevare, audit[0].Before.Unpack<Asset>().Site);
        Assert.Equal(corrected, await Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
    }

    [Fact]
    public async Task A_correction_is_checked_as_a_create_and_names_what_it_may_not_change()
    {
        var created = await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 1_000_000));
        var contingent = await Client.CreateAssetAsync(CreateAsset("coe-1", AssetCategory.Vehicle, 1_000_000, Ownership.ContingentOwned));
        await Client.RecordContingentDecisionAsync(new RecordContingentDecisionRequest
        {
            Name = contingent.Name, Decision = ContingentDecision.Repatriate, RequestId = NewId(),
        });

        await RpcAssert.InvalidArgument(() => Client.UpdateAssetAsync(Update(
            new Asset { Name = created.Name, State = AssetState.Disposed, ContingentDecision = ContingentDecision.Gift },
            "state", "contingent_decision")).ResponseAsync, "update_mask");
        await RpcAssert.InvalidArgument(() => Client.UpdateAssetAsync(Update(
            new Asset { Name = created.Name, Site = "missions/minusma/sites/nowhere", DepreciatedValue = Usd(5_000_000) },
            "site", "depreciated_value")).ResponseAsync, "asset.site", "asset.depreciated_value.minor_units");
        await RpcAssert.InvalidArgument(() => Client.UpdateAssetAsync(Update(
            new Asset { Name = created.Name, Ownership = Ownership.ContingentOwned }, "ownership")).ResponseAsync, "asset.owner_country_code");
        await RpcAssert.InvalidArgument(() => Client.UpdateAssetAsync(Update(
            new Asset { Name = contingent.Name, Ownership = Ownership.UnOwned }, "ownership", "owner_country_code")).ResponseAsync, "asset.contingent_decision");

        var contingentToo = await Client.UpdateAssetAsync(Update(
            new Asset { Name = created.Name, Ownership = Ownership.ContingentOwned, OwnerCountryCode = "SN" }, "ownership", "owner_country_code"));
        Assert.Equal((Ownership.ContingentOwned, "SN"), (contingentToo.Ownership, contingentToo.OwnerCountryCode));
    }

    [Fact]
    public async Task An_asset_whose_disposal_is_open_is_a_real_one_neither_corrected_nor_deleted()
    {
        var asset = await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 1_000_000));
        await Client.CreateDisposalCaseAsync(OpenDisposal("gen-1", DisposalGroup.Iv, DisposalMethod.CommercialSale));

        await RpcAssert.FailedPrecondition(() => Client.UpdateAssetAsync(Update(new Asset { Name = asset.Name, DepreciatedValue = Usd(1) }, "depreciated_value"))
            .ResponseAsync, "ASSET_IN_DISPOSAL");
        await RpcAssert.FailedPrecondition(() => Client.DeleteAssetAsync(new DeleteAssetRequest { Name = asset.Name, RequestId = NewId() }).ResponseAsync,
            "ASSET_IN_DISPOSAL");
        await Client.RecordDisposalAsync(Record("gen-1", 900_000));
        await RpcAssert.FailedPrecondition(() => Client.DeleteAssetAsync(new DeleteAssetRequest { Name = asset.Name, RequestId = NewId() }).ResponseAsync,
            "ASSET_DISPOSED");

        Assert.Equal(["CreateAsset"], await AuditedAsync(asset.Name));
    }

    [Fact]
    public async Task A_deleted_asset_stops_blocking_the_liquidation_and_is_kept_with_its_history()
    {
        var kept = await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 1_000_000));
        var mistaken = await Client.CreateAssetAsync(CreateAsset("gen-2", AssetCategory.Generator, 2_000_000));
        var feedBefore = await FeedPositionAsync();

        var deleted = await Client.DeleteAssetAsync(new DeleteAssetRequest { Name = mistaken.Name, Etag = mistaken.Etag, RequestId = NewId() });

        Assert.NotNull(deleted.DeleteTime);
        Assert.Equal(1, (await ReadinessAsync()).Totals.AssetsNotDisposed);
        var report = await Client.GetLiquidationReportAsync(new GetLiquidationReportRequest { Mission = Minusma });
        Assert.Equal([kept.Name], report.AwaitingDisposal.Assets.Select(a => a.Asset));
        Assert.Equal([kept.Name], (await Client.ListAssetsAsync(new ListAssetsRequest { Parent = Minusma })).Assets.Select(a => a.Name));
        Assert.Equal([kept, deleted], (await Client.ListAssetsAsync(new ListAssetsRequest { Parent = Minusma, ShowDeleted = true })).Assets);
        Assert.Equal(deleted, await Client.GetAssetAsync(new GetAssetRequest { Name = mistaken.Name }));
        Assert.Equal(deleted, await InRegion(AuthorizationMatrix.Region).GetAssetAsync(new GetAssetRequest { Name = mistaken.Name }));
        await RpcAssert.Fails(StatusCode.NotFound,
            () => InRegion(RegionScopeCheck.Elsewhere).GetAssetAsync(new GetAssetRequest { Name = mistaken.Name }).ResponseAsync);
        await RpcAssert.FailedPrecondition(() => Client.CreateDisposalCaseAsync(OpenDisposal("gen-2", DisposalGroup.Iv, DisposalMethod.CommercialSale))
            .ResponseAsync, "RESOURCE_DELETED");
        await RpcAssert.FailedPrecondition(() => Client.RecordContingentDecisionAsync(new RecordContingentDecisionRequest
        {
            Name = mistaken.Name, Decision = ContingentDecision.Repatriate, RequestId = NewId(),
        }).ResponseAsync, "RESOURCE_DELETED");
        await RpcAssert.FailedPrecondition(() => Client.DeleteAssetAsync(new DeleteAssetRequest { Name = mistaken.Name, RequestId = NewId() }).ResponseAsync,
            "RESOURCE_DELETED");
        await RpcAssert.FailedPrecondition(() => Client.UpdateAssetAsync(Update(new Asset { Name = mistaken.Name, InventoryNumber = "GEN-2B" }, "inventory_number"))
            .ResponseAsync, "RESOURCE_DELETED");

        var undeleted = await Client.UndeleteAssetAsync(new UndeleteAssetRequest { Name = mistaken.Name, RequestId = NewId() });

        Assert.Null(undeleted.DeleteTime);
        Assert.Equal(2, (await ReadinessAsync()).Totals.AssetsNotDisposed);
        var again = await RpcAssert.Fails(StatusCode.AlreadyExists,
            () => Client.UndeleteAssetAsync(new UndeleteAssetRequest { Name = mistaken.Name, RequestId = NewId() }).ResponseAsync);
        Assert.Equal("RESOURCE_NOT_DELETED", RpcAssert.Reason(again));
        Assert.Equal<Google.Protobuf.IMessage>([new AssetDeleted { Asset = deleted }, new AssetUndeleted { Asset = undeleted }], await EventsAfterAsync(feedBefore));
        Assert.Equal(["UndeleteAsset", "DeleteAsset", "CreateAsset"], await AuditedAsync(mistaken.Name));
    }

    [Fact]
    public async Task A_list_token_is_refused_with_show_deleted_changed()
    {
        foreach (var id in new[] { "gen-1", "gen-2" })
        {
            await Client.CreateAssetAsync(CreateAsset(id, AssetCategory.Generator, 1_000_000));
        }

        var first = await Client.ListAssetsAsync(new ListAssetsRequest { Parent = Minusma, PageSize = 1 });

        await RpcAssert.InvalidArgument(() => Client.ListAssetsAsync(new ListAssetsRequest
        {
            Parent = Minusma, PageSize = 1, PageToken = first.NextPageToken, ShowDeleted = true,
        }).ResponseAsync, "page_token");
    }

    private LiquidationService.LiquidationServiceClient InRegion(string region) =>
        new(App.Service.ChannelWith(TestTokens.Scoped(region, "minusma:viewer")));
}
