using MissionOps.Liquidation.Assets;
using MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation;

public sealed partial class LiquidationApi
{
    private static readonly HashSet<string> UpdatableAssetPaths =
        ["description", "category", "site", "inventory_number", "acquisition_cost", "depreciated_value", "ownership", "owner_country_code"];

    public override async Task<V1.Asset> CreateAsset(CreateAssetRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var assetId = v.ResourceId("asset_id", request.AssetId);
        var (missionId, input) = v.Create(request.Parent, request.RequestId, "asset", request.Asset);
        var terms = AssetTerms.Of(v, input);
        var decision = v.OptionalEnum("asset.contingent_decision", input.ContingentDecision) ?? ContingentDecision.Unspecified;
        if (missionId.Length > 0)
        {
            await sites.CheckAsync(v, missionId, [("asset.site", input.Site)], Token(context));
        }

        v.ThrowIfInvalid();

        return await changes.CreateAsync<V1.Asset>(request, Assets.Asset.Register(missionId, assetId, terms, decision, Now), Token(context));
    }

    public override async Task<V1.Asset> GetAsset(GetAssetRequest request, ServerCallContext context)
    {
        var ids = ResourceName.Parse("name", request.Name, "missions", "assets");
        return (await FindAssetAsync(ids[0], ids[1], request.Name, Token(context), tracked: false)).ToProto();
    }

    public override async Task<ListAssetsResponse> ListAssets(ListAssetsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        var ownership = v.OptionalEnum("ownership", request.Ownership);
        var state = v.OptionalEnum("state", request.State);
        v.ThrowIfInvalid();

        var fingerprint = $"{request.Site}|{ownership}|{state}|{SoftDeleteFilters.Fingerprint(request.ShowDeleted)}";
        var page = PageRequest.Parse(request.PageSize, request.PageToken, fingerprint);
        var query = db.Assets.Shown(request.ShowDeleted).Where(a => a.MissionId == missionId);
        if (!string.IsNullOrEmpty(request.Site))
        {
            query = query.Where(a => a.Site == request.Site);
        }

        if (ownership is { } o)
        {
            query = query.Where(a => a.Ownership == o);
        }

        if (state is { } s)
        {
            query = query.Where(a => a.State == s);
        }

        if (await siteRegions.VisibleAsync(missionId, Token(context)) is { } visible)
        {
            var visibleSites = visible.ToList();
            query = query.Where(a => visibleSites.Contains(a.Site));
        }

        var assets = await query.PageAsync(page, a => a.Id, Token(context));
        return new ListAssetsResponse
        {
            Assets = { assets.Select(a => a.ToProto()) },
            NextPageToken = page.NextToken(assets, a => a.Id, fingerprint),
        };
    }

    public override async Task<V1.Asset> UpdateAsset(UpdateAssetRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (_, paths) = v.Update("asset", request.Asset, request.UpdateMask, request.RequestId, UpdatableAssetPaths, nameof(UpdateAsset));
        var merged = await MergedAsync<Assets.Asset, V1.Asset>(v, "asset", request.Asset!, request.Asset!.Name, paths, "assets", context);
        var terms = AssetTerms.Of(v, merged);
        if (paths.Contains("site"))
        {
            await sites.CheckAsync(v, ResourceName.Parse("asset.name", merged.Name, "missions", "assets")[0], [("asset.site", merged.Site)], Token(context));
        }

        return await ChangeNamedAsync<Assets.Asset, V1.Asset>(v, request, request.Asset.Name, request.RequestId, "assets",
            asset => asset.Correct(terms, Now), context);
    }

    public override Task<V1.Asset> DeleteAsset(DeleteAssetRequest request, ServerCallContext context) =>
        ChangeNamedAsync<Assets.Asset, V1.Asset>(new RequestValidator(), request, request.Name, request.RequestId, "assets",
            asset => asset.Delete(Now), context);

    public override Task<V1.Asset> UndeleteAsset(UndeleteAssetRequest request, ServerCallContext context) =>
        ChangeNamedAsync<Assets.Asset, V1.Asset>(new RequestValidator(), request, request.Name, request.RequestId, "assets",
            asset => asset.Undelete(Now), context);

    public override Task<V1.Asset> RecordContingentDecision(RecordContingentDecisionRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var decision = v.Enum("decision", request.Decision);
        return ChangeNamedAsync<Assets.Asset, V1.Asset>(v, request, request.Name, request.RequestId, "assets",
            asset => asset.RecordContingentDecision(decision, Now), context);
    }
}
