using MissionOps.Liquidation.Disposals;
using MissionOps.Liquidation.Residual;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Errors;
using Asset = MissionOps.Liquidation.Assets.Asset;
using AssetTerms = MissionOps.Liquidation.Assets.AssetTerms;
using DisposalApproval = MissionOps.Liquidation.Disposals.DisposalApproval;
using DisposalCase = MissionOps.Liquidation.Disposals.DisposalCase;
using DisposalRecord = MissionOps.Liquidation.Disposals.DisposalRecord;
using Liability = MissionOps.Liquidation.Residual.Liability;
using static MissionOps.Liquidation.Tests.Domain.Given;
using ErrorReason = MissionOps.Common.V1.ErrorReason;

namespace MissionOps.Liquidation.Tests.Domain;

public sealed class DisposalRuleTests
{
    private static Asset NewAsset(AssetCategory category, long value = 1_000_000, Ownership ownership = Ownership.UnOwned,
        ContingentDecision decision = ContingentDecision.Unspecified) =>
        Asset.Register("minusma", "a1", new AssetTerms(Name, ownership, category, "missions/minusma/sites/sevare", "A1", "USD", value * 2, value,
            ownership == Ownership.ContingentOwned ? "SN" : null), decision, Now);

    private static DisposalRecord Record(long proceeds) => new(new DateOnly(2024, 2, 1), Name, "C-1", proceeds);

    public static TheoryData<AssetCategory, DisposalGroup, DisposalMethod> ThirdParties()
    {
        var data = new TheoryData<AssetCategory, DisposalGroup, DisposalMethod>();
        foreach (var category in new[] { AssetCategory.Weapon, AssetCategory.Ammunition, AssetCategory.ArmouredVehicle })
        {
            data.Add(category, DisposalGroup.Iii, DisposalMethod.SaleToOrganisation);
            data.Add(category, DisposalGroup.Iv, DisposalMethod.CommercialSale);
            data.Add(category, DisposalGroup.V, DisposalMethod.Donation);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ThirdParties))]
    public void Controlled_items_never_go_to_a_third_party(AssetCategory category, DisposalGroup group, DisposalMethod method)
    {
        var asset = NewAsset(category);

        var error = Assert.Throws<RuleViolationException>(() => DisposalCase.Open("d1", asset, group, method, MinusmaPlan, null, Now));

        Assert.Equal(ErrorReason.ThirdPartyTransferForbidden, error.Reason);
        Assert.Equal((ErrorReason.DisposalMethod, asset.Name), (Assert.Single(error.Missing).Type, error.Missing[0].Subject));
        Assert.Equal(AssetState.Registered, asset.State);
    }

    [Theory]
    [InlineData(AssetCategory.Weapon, DisposalGroup.I, DisposalMethod.TransferToMission)]
    [InlineData(AssetCategory.Ammunition, DisposalGroup.Iv, DisposalMethod.Destruction)]
    [InlineData(AssetCategory.ArmouredVehicle, DisposalGroup.Ii, DisposalMethod.TransferToUnActivity)]
    [InlineData(AssetCategory.Vehicle, DisposalGroup.Iv, DisposalMethod.CommercialSale)]
    [InlineData(AssetCategory.PrefabricatedBuilding, DisposalGroup.V, DisposalMethod.HandoverToHostGovernment)]
    [InlineData(AssetCategory.Installation, DisposalGroup.V, DisposalMethod.HandoverToHostGovernment)]
    [InlineData(AssetCategory.Vehicle, DisposalGroup.V, DisposalMethod.Donation)]
    [InlineData(AssetCategory.Medical, DisposalGroup.Iii, DisposalMethod.Donation)]
    public void Allowed_disposals_open_a_case(AssetCategory category, DisposalGroup group, DisposalMethod method)
    {
        var asset = NewAsset(category);

        var disposal = DisposalCase.Open("d1", asset, group, method, MinusmaPlan, null, Now);

        Assert.Equal(DisposalState.Open, disposal.State);
        Assert.Equal(AssetState.DisposalOpen, asset.State);
    }

    [Fact]
    public void Above_the_threshold_a_case_waits_for_approval_and_records_the_loss_after()
    {
        var asset = NewAsset(AssetCategory.Generator, value: 6_000_000);
        var disposal = DisposalCase.Open("d1", asset, DisposalGroup.Iv, DisposalMethod.CommercialSale, MinusmaPlan, null, Now);

        Assert.Equal(DisposalState.PendingApproval, disposal.State);
        Assert.Equal(ErrorReason.DisposalNotApproved, Assert.Throws<RuleViolationException>(() => disposal.RecordDisposal(asset, Record(1), Now)).Reason);

        disposal.Approve(new DisposalApproval("DMS", new DateOnly(2024, 1, 15), "R-1"), Now);
        Assert.Equal(ErrorReason.DisposalAlreadyApproved, Assert.Throws<RuleViolationException>(
            () => disposal.Approve(new DisposalApproval("DMS", new DateOnly(2024, 1, 16), "R-2"), Now)).Reason);
        var early = Assert.Throws<RuleBreachException>(() => disposal.RecordDisposal(asset, Record(5_000_000) with { DisposalDate = new DateOnly(2024, 1, 14) }, Now));
        Assert.Equal((ErrorReason.DisposedBeforeApproval, "disposal_date", "2024-01-14"), (early.Breach.Rule, early.Breach.Attribute, early.Breach.Value));
        disposal.RecordDisposal(asset, Record(5_000_000), Now);

        Assert.Equal(-1_000_000, disposal.GainOrLoss);
        Assert.Equal(AssetState.Disposed, asset.State);
        Assert.Equal(ErrorReason.AssetDisposed, Assert.Throws<RuleViolationException>(() => disposal.RecordDisposal(asset, Record(1), Now)).Reason);
    }

    [Fact]
    public void Below_the_threshold_no_approval_is_needed_or_taken()
    {
        var disposal = DisposalCase.Open("d1", NewAsset(AssetCategory.Generator), DisposalGroup.Iv, DisposalMethod.WriteOff, MinusmaPlan, null, Now);

        Assert.False(disposal.ApprovalRequired);
        Assert.Equal(ErrorReason.DisposalApprovalNotRequired, Assert.Throws<RuleViolationException>(
            () => disposal.Approve(new DisposalApproval("DMS", new DateOnly(2024, 1, 15), "R-1"), Now)).Reason);
    }

    [Fact]
    public void A_write_off_brings_no_proceeds()
    {
        var asset = NewAsset(AssetCategory.Generator);
        var disposal = DisposalCase.Open("d1", asset, DisposalGroup.Iv, DisposalMethod.WriteOff, MinusmaPlan, null, Now);

        Assert.Equal(ErrorReason.NoProceedsByThisMethod, Assert.Throws<RuleBreachException>(() => disposal.RecordDisposal(asset, Record(100) with { PropertySurveyBoardReference = "LPSB-1" }, Now)).Breach.Rule);
        disposal.RecordDisposal(asset, Record(0) with { PropertySurveyBoardReference = "LPSB-1" }, Now);
        Assert.Equal(-1_000_000, disposal.GainOrLoss);
    }

    [Theory]
    [InlineData(ContingentDecision.Gift, DisposalGroup.Unspecified, DisposalMethod.CommercialSale, ErrorReason.ContraryToContingentDecision)]
    [InlineData(ContingentDecision.Sell, DisposalGroup.Unspecified, DisposalMethod.ContributorGift, ErrorReason.ContraryToContingentDecision)]
    [InlineData(ContingentDecision.Repatriate, DisposalGroup.Unspecified, DisposalMethod.TransferToMission, ErrorReason.ContraryToContingentDecision)]
    [InlineData(ContingentDecision.HandToMission, DisposalGroup.Unspecified, DisposalMethod.RepatriationToContributor, ErrorReason.ContraryToContingentDecision)]
    [InlineData(ContingentDecision.Unspecified, DisposalGroup.Unspecified, DisposalMethod.RepatriationToContributor, ErrorReason.ContingentDecisionMissing)]
    public void Contingent_owned_equipment_follows_its_country(ContingentDecision decision, DisposalGroup group, DisposalMethod method, ErrorReason reason)
    {
        var asset = NewAsset(AssetCategory.Vehicle, ownership: Ownership.ContingentOwned, decision: decision);

        Assert.Equal(reason, Assert.Throws<RuleViolationException>(() => DisposalCase.Open("d1", asset, group, method, MinusmaPlan, null, Now)).Reason);
    }

    [Fact]
    public void Only_contingent_equipment_goes_back_to_a_contributor_and_only_it_takes_a_decision()
    {
        var asset = NewAsset(AssetCategory.Vehicle);

        Assert.Equal(ErrorReason.MethodNotOfTheGroup, Assert.Throws<RuleBreachException>(() => DisposalCase.Open("d1", asset, DisposalGroup.I, DisposalMethod.RepatriationToContributor, MinusmaPlan, null, Now)).Breach.Rule);
        Assert.Equal(ErrorReason.NotContingentOwned, Assert.Throws<RuleViolationException>(
            () => asset.RecordContingentDecision(ContingentDecision.Gift, Now)).Reason);
    }

    [Fact]
    public void Records_are_archived_once()
    {
        var records = Residual.ArchiveRecord.Record("minusma", "r1", new Residual.ArchiveRecordTerms(Name, "Archives Unit"));
        records.Archive(new DateOnly(2024, 4, 1));

        Assert.Equal(ErrorReason.RecordsArchived, Assert.Throws<RuleViolationException>(() => records.Archive(new DateOnly(2024, 4, 2))).Reason);
        Assert.Equal(new DateOnly(2024, 4, 1), records.ArchivedDate);
    }

    [Fact]
    public void A_liability_is_settled_once()
    {
        var liability = Liability.Record("minusma", "l1", new LiabilityTerms(LiabilityKind.Claim, Name, "Legal Officer", null, null));
        liability.Settle(new DateOnly(2024, 3, 1));

        Assert.Equal(ErrorReason.LiabilitySettled, Assert.Throws<RuleViolationException>(() => liability.Settle(new DateOnly(2024, 3, 2))).Reason);
    }

    [Fact]
    public void A_threshold_in_another_currency_asks_for_approval()
    {
        Assert.True(MinusmaPlan.NeedsApproval("EUR", 1));
        Assert.False(MinusmaPlan.NeedsApproval("USD", 5_000_000));
        Assert.True(MinusmaPlan.NeedsApproval("USD", 5_000_001));
    }
}
