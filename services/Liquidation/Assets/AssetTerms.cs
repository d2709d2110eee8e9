using AssetCategory = MissionOps.Liquidation.V1.AssetCategory;
using ContingentDecision = MissionOps.Liquidation.V1.ContingentDecision;
using Ownership = MissionOps.Liquidation.V1.Ownership;

namespace MissionOps.Liquidation.Assets;

/// <summary>
/// What is registered of an asset and may be corrected while it is registered, checked alike on create and update
/// (the site is checked with Sites apart).
/// </summary>
public sealed record AssetTerms(Text Description, Ownership Ownership, AssetCategory Category, string Site, string InventoryNumber,
    string Currency, long AcquisitionCost, long DepreciatedValue, string? OwnerCountryCode)
{
    public static AssetTerms Of(RequestValidator v, V1.Asset input)
    {
        var ownership = v.Enum("asset.ownership", input.Ownership);
        var cost = MoneyInput.Parse(v, "asset.acquisition_cost", input.AcquisitionCost);
        var value = MoneyInput.Parse(v, "asset.depreciated_value", input.DepreciatedValue, allowZero: true);
        if (cost is { } c && value is { } d)
        {
            v.Check(c.Currency == d.Currency, "asset.depreciated_value.currency_code", $"must be {c.Currency}, the acquisition cost's currency");
            v.Check(d.MinorUnits <= c.MinorUnits, "asset.depreciated_value.minor_units", "must not be more than the acquisition cost");
        }

        string? country = null;
        if (ownership == Ownership.ContingentOwned)
        {
            country = v.CountryCode("asset.owner_country_code", input.OwnerCountryCode);
        }
        else if (ownership == Ownership.UnOwned)
        {
            v.Check(string.IsNullOrEmpty(input.OwnerCountryCode), "asset.owner_country_code", "UN-owned equipment has no contributing country");
            v.Check(input.ContingentDecision == ContingentDecision.Unspecified, "asset.contingent_decision",
                "UN-owned equipment has no contributing country's decision");
        }

        return new AssetTerms(v.Bilingual("asset.description", input.Description), ownership, v.Enum("asset.category", input.Category), input.Site,
            v.Required("asset.inventory_number", input.InventoryNumber, 64), cost?.Currency ?? string.Empty, cost?.MinorUnits ?? 0,
            value?.MinorUnits ?? 0, country);
    }
}
