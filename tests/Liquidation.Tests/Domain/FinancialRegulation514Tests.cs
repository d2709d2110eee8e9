using MissionOps.Liquidation.Disposals;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using Asset = MissionOps.Liquidation.Assets.Asset;
using AssetTerms = MissionOps.Liquidation.Assets.AssetTerms;
using CompensationTerms = MissionOps.Liquidation.Disposals.CompensationTerms;
using DisposalCase = MissionOps.Liquidation.Disposals.DisposalCase;
using DisposalRecord = MissionOps.Liquidation.Disposals.DisposalRecord;
using static MissionOps.Liquidation.Tests.Domain.Given;
using ErrorReason = MissionOps.Common.V1.ErrorReason;

namespace MissionOps.Liquidation.Tests.Domain;

/// <summary>Financial Regulation 5.14 as written, and contingent-owned equipment on its country's track.</summary>
public sealed class FinancialRegulation514Tests
{
    private static readonly DateOnly Day = new(2024, 2, 1);

    private static readonly CompensationTerms InKind = new(CompensationForm.InKind,
        new Text("Free use of the premises by the regional health directorate", "Usage gratuit des locaux par la direction régionale de la santé"),
        new Document(new Text("Agreement", "Accord"), "MINUSMA/GOV/2024/003", null, Day, ["Abass Dembélé"]));

    private static Asset NewAsset(AssetCategory category, Ownership ownership = Ownership.UnOwned, ContingentDecision decision = ContingentDecision.Unspecified) =>
        Asset.Register("minusma", "a1", new AssetTerms(Name, ownership, category, "missions/minusma/sites/sevare", "A1", "USD", 2_000_000, 1_000_000,
            ownership == Ownership.ContingentOwned ? "SN" : null), decision, Now);

    private static DisposalRecord Record(long proceeds = 0) => new(Day, Name, "C-1", proceeds);

    private static MissingItem Refusal(ErrorReason reason, Action record)
    {
        var error = Assert.Throws<RuleViolationException>(record);
        Assert.Equal(reason, error.Reason);
        return Assert.Single(error.Missing);
    }

    [Fact]
    public void Installed_assets_go_to_the_host_government_only_with_the_compensation_agreed()
    {
        var asset = NewAsset(AssetCategory.PrefabricatedBuilding);
        var disposal = DisposalCase.Open("d1", asset, DisposalGroup.V, DisposalMethod.HandoverToHostGovernment, MinusmaPlan, null, Now);

        Assert.Equal("record.compensation", Refusal(ErrorReason.CompensationTermsRequired, () => disposal.RecordDisposal(asset, Record(), Now)).Subject);
        Assert.Equal(AssetState.DisposalOpen, asset.State);

        disposal.RecordDisposal(asset, Record() with { Compensation = InKind }, Now);
        Assert.Equal(("MINUSMA/GOV/2024/003", AssetState.Disposed), (disposal.Record!.Compensation!.Agreement.Reference, asset.State));
    }

    [Fact]
    public void Compensation_in_cash_is_the_amount_received_and_terms_belong_to_a_handover_only()
    {
        var building = NewAsset(AssetCategory.Installation);
        var handover = DisposalCase.Open("d1", building, DisposalGroup.V, DisposalMethod.HandoverToHostGovernment, MinusmaPlan, null, Now);
        var cash = InKind with { Form = CompensationForm.Cash };
        Assert.Equal("record.proceeds", Assert.Single(Assert.Throws<InvalidArgumentException>(
            () => handover.RecordDisposal(building, Record() with { Compensation = cash }, Now)).Violations).Field);
        handover.RecordDisposal(building, Record(750_000) with { Compensation = cash }, Now);
        Assert.Equal(-250_000, handover.GainOrLoss);

        var truck = NewAsset(AssetCategory.Vehicle);
        var sale = DisposalCase.Open("d2", truck, DisposalGroup.Iv, DisposalMethod.CommercialSale, MinusmaPlan, null, Now);
        Assert.Equal("record.compensation", Assert.Single(Assert.Throws<InvalidArgumentException>(
            () => sale.RecordDisposal(truck, Record(900_000) with { Compensation = InKind }, Now)).Violations).Field);
    }

    [Fact]
    public void A_movable_asset_is_not_handed_over_for_compensation_and_nothing_is_a_gift()
    {
        Assert.Equal(ErrorReason.NotAnInstalledAsset, Assert.Throws<RuleViolationException>(() => DisposalCase.Open("d1", NewAsset(AssetCategory.Generator),
            DisposalGroup.V, DisposalMethod.HandoverToHostGovernment, MinusmaPlan, null, Now)).Reason);
#pragma warning disable CS0612 // the deprecated gift, sent as an old partner would
        var gift = Assert.Throws<RuleBreachException>(() => DisposalCase.Open("d1", NewAsset(AssetCategory.PrefabricatedBuilding),
            DisposalGroup.V, DisposalMethod.GiftToHostGovernment, MinusmaPlan, null, Now));
#pragma warning restore CS0612
        Assert.Equal((ErrorReason.GiftNotADisposal, "method"), (gift.Breach.Rule, gift.Breach.Attribute));
    }

    [Fact]
    public void A_donation_needs_the_General_Assemblys_decision()
    {
        var asset = NewAsset(AssetCategory.Medical);
        var disposal = DisposalCase.Open("d1", asset, DisposalGroup.Iii, DisposalMethod.Donation, MinusmaPlan, null, Now);

        Assert.Equal("record.general_assembly_decision",
            Refusal(ErrorReason.GeneralAssemblyDecisionRequired, () => disposal.RecordDisposal(asset, Record(), Now)).Subject);
        Assert.Equal(ErrorReason.NoProceedsByThisMethod, Assert.Throws<RuleBreachException>(() => disposal.RecordDisposal(asset, Record(10) with { GeneralAssemblyDecision = "A/RES/78/287" }, Now)).Breach.Rule);

        disposal.RecordDisposal(asset, Record() with { GeneralAssemblyDecision = "A/RES/78/287" }, Now);
        Assert.Equal("A/RES/78/287", disposal.Record!.GeneralAssemblyDecision);
    }

    [Fact]
    public void A_write_off_needs_the_property_survey_boards_reference_and_only_it_takes_one()
    {
        var asset = NewAsset(AssetCategory.Generator);
        var disposal = DisposalCase.Open("d1", asset, DisposalGroup.Iv, DisposalMethod.WriteOff, MinusmaPlan, null, Now);

        Assert.Equal("record.property_survey_board_reference",
            Refusal(ErrorReason.PropertySurveyBoardReferenceRequired, () => disposal.RecordDisposal(asset, Record(), Now)).Subject);
        Assert.Throws<InvalidArgumentException>(() => disposal.RecordDisposal(asset, Record() with
        {
            PropertySurveyBoardReference = "MINUSMA/LPSB/2024/031", GeneralAssemblyDecision = "A/RES/78/287",
        }, Now));

        disposal.RecordDisposal(asset, Record() with { PropertySurveyBoardReference = "MINUSMA/LPSB/2024/031" }, Now);
        Assert.Equal(AssetState.Disposed, asset.State);
    }

    [Fact]
    public void A_UN_owned_asset_needs_a_group_and_contingent_owned_equipment_takes_none()
    {
        Assert.Equal(ErrorReason.GroupRequired, Assert.Throws<RuleBreachException>(() => DisposalCase.Open("d1",
            NewAsset(AssetCategory.Generator), DisposalGroup.Unspecified, DisposalMethod.TransferToMission, MinusmaPlan, null, Now)).Breach.Rule);
        Assert.Equal(ErrorReason.ContingentOwnedHasNoGroup, Assert.Throws<RuleBreachException>(() => DisposalCase.Open("d1",
            NewAsset(AssetCategory.Vehicle, Ownership.ContingentOwned, ContingentDecision.Repatriate), DisposalGroup.I,
            DisposalMethod.RepatriationToContributor, MinusmaPlan, null, Now)).Breach.Rule);
    }

    [Theory]
    [InlineData(ContingentDecision.Repatriate, DisposalMethod.RepatriationToContributor)]
    [InlineData(ContingentDecision.Gift, DisposalMethod.ContributorGift)]
    [InlineData(ContingentDecision.Sell, DisposalMethod.ContributorSale)]
    [InlineData(ContingentDecision.HandToMission, DisposalMethod.HandedToMission)]
    public void Contingent_owned_equipment_is_disposed_of_by_its_countrys_decision_with_no_proceeds_to_the_UN(ContingentDecision decision,
        DisposalMethod method)
    {
        var asset = NewAsset(AssetCategory.Vehicle, Ownership.ContingentOwned, decision);
        Assert.Equal((DisposalGroup.Unspecified, method), DefaultDisposal.For(asset));

        var disposal = DisposalCase.Open("d1", asset, DisposalGroup.Unspecified, method, MinusmaPlan, null, Now);

        Assert.Equal(ErrorReason.NoProceedsByThisMethod, Assert.Throws<RuleBreachException>(() => disposal.RecordDisposal(asset, Record(500_000), Now)).Breach.Rule);
        disposal.RecordDisposal(asset, Record(), Now);
        Assert.Equal(AssetState.Disposed, asset.State);
    }

    [Fact]
    public void A_closed_site_proposes_installed_assets_to_the_host_government_for_compensation()
    {
        Assert.Equal((DisposalGroup.V, DisposalMethod.HandoverToHostGovernment), DefaultDisposal.For(NewAsset(AssetCategory.Installation)));
        Assert.Equal((DisposalGroup.I, DisposalMethod.TransferToMission), DefaultDisposal.For(NewAsset(AssetCategory.Generator)));
        Assert.Null(DefaultDisposal.For(NewAsset(AssetCategory.Vehicle, Ownership.ContingentOwned)));
    }
}
