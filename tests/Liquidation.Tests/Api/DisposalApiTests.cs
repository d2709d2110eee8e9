using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class DisposalApiTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task A_disposal_above_the_threshold_waits_for_approval_then_records_the_gain_or_loss()
    {
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 6_000_000));
        var opened = await Client.CreateDisposalCaseAsync(OpenDisposal("gen-1", DisposalGroup.Iv, DisposalMethod.CommercialSale));

        Assert.Equal((DisposalState.PendingApproval, true), (opened.State, opened.ApprovalRequired));
        await RpcAssert.FailedPrecondition(() => Client.RecordDisposalAsync(Record("gen-1", 6_500_000)).ResponseAsync, "DISPOSAL_NOT_APPROVED");

        await Client.ApproveDisposalAsync(Approve("gen-1"));
        var disposed = await Client.RecordDisposalAsync(Record("gen-1", 5_500_000));

        Assert.Equal(DisposalState.Disposed, disposed.State);
        Assert.Equal(Usd(-500_000), disposed.Record.GainOrLoss);
        Assert.Equal(AssetState.Disposed, (await Client.GetAssetAsync(new GetAssetRequest { Name = $"{Minusma}/assets/gen-1" })).State);
    }

    [Theory]
    [InlineData(AssetCategory.Weapon, DisposalGroup.Iv, DisposalMethod.CommercialSale)]
    [InlineData(AssetCategory.Ammunition, DisposalGroup.Iii, DisposalMethod.SaleToOrganisation)]
    [InlineData(AssetCategory.ArmouredVehicle, DisposalGroup.V, DisposalMethod.Donation)]
    public async Task Weapons_ammunition_and_armoured_vehicles_never_go_to_a_third_party(AssetCategory category, DisposalGroup group, DisposalMethod method)
    {
        await Client.CreateAssetAsync(CreateAsset("controlled", category, 1_000_000));

        var failure = await RpcAssert.Fails(StatusCode.FailedPrecondition,
            () => Client.CreateDisposalCaseAsync(OpenDisposal("controlled", group, method)).ResponseAsync);

        Assert.Equal("THIRD_PARTY_TRANSFER_FORBIDDEN", RpcAssert.Reason(failure));
        Assert.Equal("DISPOSAL_METHOD", failure.GetRpcStatus()?.GetDetail<Google.Rpc.PreconditionFailure>()?.Violations.Single().Type);
        Assert.Contains("never transferred to a third party", failure.Status.Detail);
        Assert.Equal(AssetState.Registered, (await Client.GetAssetAsync(new GetAssetRequest { Name = $"{Minusma}/assets/controlled" })).State);
    }

    [Fact]
    public async Task An_armoured_vehicle_may_go_to_another_mission()
    {
        await Client.CreateAssetAsync(CreateAsset("apc-1", AssetCategory.ArmouredVehicle, 1_000_000));

        var opened = await Client.CreateDisposalCaseAsync(OpenDisposal("apc-1", DisposalGroup.I, DisposalMethod.TransferToMission));
        var disposed = await Client.RecordDisposalAsync(Record("apc-1", 0));

        Assert.Equal(DisposalState.Open, opened.State);
        Assert.Equal(DisposalState.Disposed, disposed.State);
    }

    [Fact]
    public async Task Contingent_owned_equipment_waits_for_its_country_and_follows_its_decision()
    {
        await Client.CreateAssetAsync(CreateAsset("coe-1", AssetCategory.Vehicle, 1_000_000, Ownership.ContingentOwned));

        await RpcAssert.FailedPrecondition(() => Client.CreateDisposalCaseAsync(
            OpenDisposal("coe-1", DisposalGroup.Unspecified, DisposalMethod.ContributorSale)).ResponseAsync, "CONTINGENT_DECISION_MISSING");
        await Client.RecordContingentDecisionAsync(new RecordContingentDecisionRequest
        {
            Name = $"{Minusma}/assets/coe-1",
            Decision = ContingentDecision.Repatriate,
            RequestId = NewId(),
        });
        await RpcAssert.FailedPrecondition(() => Client.CreateDisposalCaseAsync(
            OpenDisposal("coe-1", DisposalGroup.Unspecified, DisposalMethod.ContributorSale)).ResponseAsync, "CONTRARY_TO_CONTINGENT_DECISION");
        await RpcAssert.InvalidArgument(() => Client.CreateDisposalCaseAsync(
            OpenDisposal("coe-1", DisposalGroup.I, DisposalMethod.RepatriationToContributor)).ResponseAsync, "disposal_case.group");

        var repatriated = await Client.CreateDisposalCaseAsync(OpenDisposal("coe-1", DisposalGroup.Unspecified, DisposalMethod.RepatriationToContributor));
        Assert.Equal((DisposalGroup.Unspecified, DisposalMethod.RepatriationToContributor), (repatriated.Group, repatriated.Method));
    }

    [Fact]
    public async Task Installed_assets_go_to_the_host_government_for_compensation_whose_terms_the_record_requires()
    {
        await Client.CreateAssetAsync(CreateAsset("prefab-1", AssetCategory.PrefabricatedBuilding, 1_000_000));
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 1_000_000));
#pragma warning disable CS0612 // the deprecated gift, sent as an old partner would
        await RpcAssert.InvalidArgument(() => Client.CreateDisposalCaseAsync(
            OpenDisposal("prefab-1", DisposalGroup.V, DisposalMethod.GiftToHostGovernment)).ResponseAsync, "disposal_case.method");
#pragma warning restore CS0612
        await RpcAssert.FailedPrecondition(() => Client.CreateDisposalCaseAsync(
            OpenDisposal("gen-1", DisposalGroup.V, DisposalMethod.HandoverToHostGovernment)).ResponseAsync, "NOT_AN_INSTALLED_ASSET");
        await Client.CreateDisposalCaseAsync(OpenDisposal("prefab-1", DisposalGroup.V, DisposalMethod.HandoverToHostGovernment));

        var missing = await RpcAssert.FailedPrecondition(() => Client.RecordDisposalAsync(Record("prefab-1", 0)).ResponseAsync, "COMPENSATION_TERMS_REQUIRED");
        Assert.Equal("record.compensation", Assert.Single(missing).Subject);
        Assert.Equal(DisposalState.Open, (await Client.GetDisposalCaseAsync(new GetDisposalCaseRequest { Name = $"{Minusma}/disposalCases/prefab-1" })).State);

        var disposed = await Client.RecordDisposalAsync(WithAuthority(Record("prefab-1", 0), DisposalMethod.HandoverToHostGovernment));
        Assert.Equal((DisposalState.Disposed, CompensationForm.InKind, "MINUSMA/GOV/2024/003"),
            (disposed.State, disposed.Record.Compensation.Form, disposed.Record.Compensation.Agreement.Reference));
    }

    [Fact]
    public async Task A_donation_needs_a_General_Assembly_decision_and_a_write_off_a_property_survey_board_reference()
    {
        await Client.CreateAssetAsync(CreateAsset("med-1", AssetCategory.Medical, 1_000_000));
        await Client.CreateAssetAsync(CreateAsset("truck-1", AssetCategory.Vehicle, 1_000_000));
        await Client.CreateDisposalCaseAsync(OpenDisposal("med-1", DisposalGroup.Iii, DisposalMethod.Donation));
        await Client.CreateDisposalCaseAsync(OpenDisposal("truck-1", DisposalGroup.Iv, DisposalMethod.WriteOff));

        var noDecision = await RpcAssert.FailedPrecondition(() => Client.RecordDisposalAsync(Record("med-1", 0)).ResponseAsync,
            "GENERAL_ASSEMBLY_DECISION_REQUIRED");
        var noBoard = await RpcAssert.FailedPrecondition(() => Client.RecordDisposalAsync(Record("truck-1", 0)).ResponseAsync,
            "PROPERTY_SURVEY_BOARD_REFERENCE_REQUIRED");
        var notASymbol = Record("med-1", 0);
        notASymbol.Record.GeneralAssemblyDecision = "resolution 78/287";
        await RpcAssert.InvalidArgument(() => Client.RecordDisposalAsync(notASymbol).ResponseAsync, "record.general_assembly_decision");

        Assert.Equal("record.general_assembly_decision", Assert.Single(noDecision).Subject);
        Assert.Equal("record.property_survey_board_reference", Assert.Single(noBoard).Subject);
        var donated = await Client.RecordDisposalAsync(WithAuthority(Record("med-1", 0), DisposalMethod.Donation));
        var writtenOff = await Client.RecordDisposalAsync(WithAuthority(Record("truck-1", 0), DisposalMethod.WriteOff));
        Assert.Equal(("A/RES/78/287", "MINUSMA/LPSB/2024/031"), (donated.Record.GeneralAssemblyDecision, writtenOff.Record.PropertySurveyBoardReference));
    }

    [Fact]
    public async Task A_method_outside_its_group_or_an_asset_twice_is_refused()
    {
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 100_000));

        await RpcAssert.InvalidArgument(() => Client.CreateDisposalCaseAsync(
            OpenDisposal("gen-1", DisposalGroup.I, DisposalMethod.CommercialSale)).ResponseAsync, "disposal_case.method");
        await Client.CreateDisposalCaseAsync(OpenDisposal("gen-1", DisposalGroup.Iv, DisposalMethod.Destruction));
        var second = OpenDisposal("gen-1", DisposalGroup.Iv, DisposalMethod.WriteOff);
        second.DisposalCaseId = "gen-1-again";
        await RpcAssert.FailedPrecondition(() => Client.CreateDisposalCaseAsync(second).ResponseAsync, "DISPOSAL_ALREADY_OPEN");
        await RpcAssert.InvalidArgument(() => Client.RecordDisposalAsync(Record("gen-1", 100)).ResponseAsync, "record.proceeds");
    }

    [Fact]
    public async Task A_case_under_a_taken_id_already_exists_whatever_its_asset_now_allows()
    {
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 100_000));
        await Client.CreateDisposalCaseAsync(OpenDisposal("gen-1", DisposalGroup.Iv, DisposalMethod.Destruction));

        var taken = await RpcAssert.Fails(StatusCode.AlreadyExists,
            () => Client.CreateDisposalCaseAsync(OpenDisposal("gen-1", DisposalGroup.Iv, DisposalMethod.WriteOff)).ResponseAsync);

        Assert.Contains($"{Minusma}/disposalCases/gen-1", taken.Status.Detail);
    }

    [Fact]
    public async Task Assets_are_checked_with_Sites_and_their_values_are_consistent()
    {
        var request = CreateAsset("gen-1", AssetCategory.Generator, 100_000);
        request.Asset.Site = "missions/minusma/sites/gao";
        request.Asset.DepreciatedValue = new MissionOps.Common.V1.Money { CurrencyCode = "EUR", MinorUnits = 1 };

        await RpcAssert.InvalidArgument(() => Client.CreateAssetAsync(request).ResponseAsync, "asset.site", "asset.depreciated_value.currency_code");
        Assert.Empty((await Client.ListAssetsAsync(new ListAssetsRequest { Parent = Minusma })).Assets);
    }

    [Fact]
    public async Task Cases_list_by_state_and_assets_by_state_and_a_retry_opens_once()
    {
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 6_000_000));
        await Client.CreateAssetAsync(CreateAsset("gen-2", AssetCategory.Generator, 100_000));
        var open = OpenDisposal("gen-1", DisposalGroup.Iv, DisposalMethod.CommercialSale);
        await Client.CreateDisposalCaseAsync(open);
        await Client.CreateDisposalCaseAsync(open);

        var pending = await Client.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Minusma, State = DisposalState.PendingApproval });
        var registered = await Client.ListAssetsAsync(new ListAssetsRequest { Parent = Minusma, State = AssetState.Registered });

        Assert.Equal($"{Minusma}/disposalCases/gen-1", Assert.Single(pending.DisposalCases).Name);
        Assert.Equal($"{Minusma}/assets/gen-2", Assert.Single(registered.Assets).Name);
        Assert.Single((await Client.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Minusma })).DisposalCases);
    }

    [Fact]
    public async Task Without_a_liquidation_plan_no_disposal_is_opened()
    {
        await App.Service.ResetDatabaseAsync();
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 1_000_000));

        var missing = await RpcAssert.FailedPrecondition(
            () => Client.CreateDisposalCaseAsync(OpenDisposal("gen-1", DisposalGroup.Iv, DisposalMethod.WriteOff)).ResponseAsync, "LIQUIDATION_PLAN_MISSING");

        Assert.Equal(("LIQUIDATION_PLAN", $"{Minusma}/liquidationPlan"), (Assert.Single(missing).Type, missing[0].Subject));
        Assert.Equal(AssetState.Registered, (await Client.GetAssetAsync(new GetAssetRequest { Name = $"{Minusma}/assets/gen-1" })).State);
    }
}
