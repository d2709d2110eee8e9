using MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation;

public sealed partial class LiquidationApi
{
    public override async Task<V1.Asset> CreateAsset(CreateAssetRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var assetId = v.ResourceId("asset_id", request.AssetId);
        var (missionId, input) = v.Create(request.Parent, request.RequestId, "asset", request.Asset);

        var ownership = v.Enum("asset.ownership", input.Ownership);
        var cost = MoneyInput.Parse(v, "asset.acquisition_cost", input.AcquisitionCost);
        var value = MoneyInput.Parse(v, "asset.depreciated_value", input.DepreciatedValue, allowZero: true);
        if (cost is { } c && value is { } d)
        {
            v.Check(c.Currency == d.Currency, "asset.depreciated_value.currency_code", $"must be {c.Currency}, the acquisition cost's currency");
            v.Check(d.MinorUnits <= c.MinorUnits, "asset.depreciated_value.minor_units", "must not be more than the acquisition cost");
        }

        var decision = v.OptionalEnum("asset.contingent_decision", input.ContingentDecision) ?? ContingentDecision.Unspecified;
        string? country = null;
        if (ownership == Ownership.ContingentOwned)
        {
            country = v.CountryCode("asset.owner_country_code", input.OwnerCountryCode);
        }
        else if (ownership == Ownership.UnOwned)
        {
            v.Check(string.IsNullOrEmpty(input.OwnerCountryCode) && decision == ContingentDecision.Unspecified, "asset.owner_country_code",
                "UN-owned equipment has no contributing country nor decision");
        }

        if (missionId.Length > 0)
        {
            await sites.CheckAsync(v, missionId, [("asset.site", input.Site)], Token(context));
        }

        var asset = Assets.Asset.Register(missionId, assetId, v.Bilingual("asset.description", input.Description), ownership,
            v.Enum("asset.category", input.Category), input.Site, v.Required("asset.inventory_number", input.InventoryNumber, 64),
            cost?.Currency ?? string.Empty, cost?.MinorUnits ?? 0, value?.MinorUnits ?? 0, country, decision, Now);
        v.ThrowIfInvalid();

        return await changes.CreateAsync<V1.Asset>(request, asset, Token(context));
    }

    public override async Task<V1.Asset> GetAsset(GetAssetRequest request, ServerCallContext context)
    {
        var ids = ResourceName.Parse("name", request.Name, "missions", "assets");
        return (await FindAssetAsync(ids[0], ids[1], request.Name, Token(context))).ToProto();
    }

    public override async Task<ListAssetsResponse> ListAssets(ListAssetsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        var ownership = v.OptionalEnum("ownership", request.Ownership);
        var state = v.OptionalEnum("state", request.State);
        v.ThrowIfInvalid();

        var fingerprint = $"{request.Site}|{ownership}|{state}";
        var page = PageRequest.Parse(request.PageSize, request.PageToken, fingerprint);
        var query = db.Assets.AsNoTracking().Where(a => a.MissionId == missionId);
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

    public override Task<V1.Asset> RecordContingentDecision(RecordContingentDecisionRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var decision = v.Enum("decision", request.Decision);
        return ChangeNamedAsync<Assets.Asset, V1.Asset>(v, request, request.Name, request.RequestId, "assets",
            asset => asset.RecordContingentDecision(decision, Now), context);
    }
}
