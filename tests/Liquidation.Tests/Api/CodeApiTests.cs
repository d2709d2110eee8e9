using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>Currencies and contributing countries are codes of the ISO lists in use, each named with its value when not.</summary>
public sealed class CodeApiTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task A_withdrawn_or_unknown_currency_and_an_unknown_country_are_refused_with_their_values()
    {
        var request = CreateAsset("coe-1", AssetCategory.Vehicle, 1_000_000, Ownership.ContingentOwned);
        // The ouguiya's MRO gave way to MRU in 2018; XYZ and QQ were never codes.
        request.Asset.AcquisitionCost.CurrencyCode = "MRO";
        request.Asset.DepreciatedValue.CurrencyCode = "XYZ";
        request.Asset.OwnerCountryCode = "QQ";

        var violations = await RpcAssert.InvalidArgument(() => Client.CreateAssetAsync(request).ResponseAsync,
            "asset.acquisition_cost.currency_code", "asset.depreciated_value.currency_code", "asset.owner_country_code");

        Assert.Contains(violations, v => v.Description.Contains("'MRO'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Description.Contains("'XYZ'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Description.Contains("'QQ'", StringComparison.Ordinal));
        Assert.Empty((await Client.ListAssetsAsync(new ListAssetsRequest { Parent = Minusma })).Assets);
    }

    [Fact]
    public async Task A_plan_threshold_in_a_currency_that_no_longer_exists_is_refused()
    {
        var request = PlanWithThreshold(5_000_000);
        request.LiquidationPlan.ApprovalThreshold.CurrencyCode = "VEF";

        await RpcAssert.InvalidArgument(() => Client.UpdateLiquidationPlanAsync(request).ResponseAsync, "liquidation_plan.approval_threshold.currency_code");
    }
}
