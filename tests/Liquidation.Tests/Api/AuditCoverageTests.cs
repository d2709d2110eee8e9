using MissionOps.Common.V1;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class AuditCoverageTests(LiquidationApp app) : LiquidationApiTest(app)
{
    /// <summary>A generator worth USD 60,000: above the plan's threshold, so its disposal needs approval.</summary>
    private const string Generator = "gen-1";

    public static TheoryData<string> Changes => AuditCoverage.ChangesOf(LiquidationService.Descriptor);

    [Fact]
    public void Every_change_has_a_scenario_and_every_RPC_that_writes_is_a_change() =>
        AuditCoverage.CheckScenarios(LiquidationService.Descriptor, Scenarios.Keys, LiquidationPermissions.Map);

    [Theory]
    [MemberData(nameof(Changes))]
    public Task A_change_writes_one_entry_and_its_events_a_retry_or_a_refusal_none(string rpc) =>
        AuditCoverage.CheckAsync(LiquidationService.Descriptor, rpc, Scenarios[rpc], EntriesAsync, App.Service.Channel.CreateCallInvoker(),
            EventsReflection.Descriptor);

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() =>
        (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, PageSize = 1000 })).AuditEntries;

    private static CreateAssetRequest CreateGenerator() => CreateAsset(Generator, AssetCategory.Generator, 6_000_000);

    private async Task GeneratorForSaleAsync()
    {
        await Client.CreateAssetAsync(CreateGenerator());
        await Client.CreateDisposalCaseAsync(OpenDisposal(Generator, DisposalGroup.Iv, DisposalMethod.CommercialSale));
    }

    internal Dictionary<string, Func<Task<Func<Task>>>> Scenarios => new()
    {
        ["UpdateLiquidationPlan"] = AuditCoverage.Unarranged(PlanWithThreshold(10_000_000), r => Client.UpdateLiquidationPlanAsync(r).ResponseAsync),
        ["CreateAsset"] = AuditCoverage.Unarranged(CreateGenerator(), r => Client.CreateAssetAsync(r).ResponseAsync),
        ["RecordContingentDecision"] = async () =>
        {
            await Client.CreateAssetAsync(CreateAsset("coe-1", AssetCategory.Vehicle, 1_000_000, Ownership.ContingentOwned));
            var request = new RecordContingentDecisionRequest { Name = $"{Minusma}/assets/coe-1", Decision = ContingentDecision.Repatriate, RequestId = NewId() };
            return () => Client.RecordContingentDecisionAsync(request).ResponseAsync;
        },
        ["UpdateAsset"] = async () =>
        {
            var asset = await Client.CreateAssetAsync(CreateGenerator());
            var request = new UpdateAssetRequest
            {
                Asset = new Asset
                {
                    Name = asset.Name,
                    Description = Text("Generator 250 kVA", "Groupe électrogène 250 kVA"),
                    Category = AssetCategory.Engineering,
                    Site = "missions/minusma/sites/douentza",
                    InventoryNumber = "GEN-250-1",
                    AcquisitionCost = Usd(9_000_000),
                    DepreciatedValue = Usd(3_000_000),
                },
                UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask
                {
                    Paths = { "description", "category", "site", "inventory_number", "acquisition_cost", "depreciated_value" },
                },
                Etag = asset.Etag,
                RequestId = NewId(),
            };
            return () => Client.UpdateAssetAsync(request).ResponseAsync;
        },
        ["DeleteAsset"] = async () =>
        {
            var asset = await Client.CreateAssetAsync(CreateGenerator());
            var request = new DeleteAssetRequest { Name = asset.Name, Etag = asset.Etag, RequestId = NewId() };
            return () => Client.DeleteAssetAsync(request).ResponseAsync;
        },
        ["UndeleteAsset"] = async () =>
        {
            var asset = await Client.CreateAssetAsync(CreateGenerator());
            var deleted = await Client.DeleteAssetAsync(new DeleteAssetRequest { Name = asset.Name, RequestId = NewId() });
            var request = new UndeleteAssetRequest { Name = asset.Name, Etag = deleted.Etag, RequestId = NewId() };
            return () => Client.UndeleteAssetAsync(request).ResponseAsync;
        },
        ["CreateDisposalCase"] = async () =>
        {
            await Client.CreateAssetAsync(CreateGenerator());
            var request = OpenDisposal(Generator, DisposalGroup.Iv, DisposalMethod.CommercialSale);
            return () => Client.CreateDisposalCaseAsync(request).ResponseAsync;
        },
        ["ApproveDisposal"] = async () =>
        {
            await GeneratorForSaleAsync();
            var request = Approve(Generator);
            return () => Client.ApproveDisposalAsync(request).ResponseAsync;
        },
        ["RecordDisposal"] = async () =>
        {
            await GeneratorForSaleAsync();
            await Client.ApproveDisposalAsync(Approve(Generator));
            var request = Record(Generator, 5_500_000);
            return () => Client.RecordDisposalAsync(request).ResponseAsync;
        },
        ["CreateLiability"] = AuditCoverage.Unarranged(CreateLiability(), r => Client.CreateLiabilityAsync(r).ResponseAsync),
        ["SettleLiability"] = async () =>
        {
            await Client.CreateLiabilityAsync(CreateLiability("sevare-land"));
            var request = Settle("sevare-land", Day(2024, 3, 1));
            return () => Client.SettleLiabilityAsync(request).ResponseAsync;
        },
        ["UpdateLiability"] = async () =>
        {
            var liability = await Client.CreateLiabilityAsync(CreateLiability("sevare-land"));
            var request = new UpdateLiabilityRequest
            {
                Liability = new Liability { Name = liability.Name, Owner = "Chief Engineer" },
                UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "owner" } },
                Etag = liability.Etag,
                RequestId = NewId(),
            };
            return () => Client.UpdateLiabilityAsync(request).ResponseAsync;
        },
        ["DeleteLiability"] = async () =>
        {
            var liability = await Client.CreateLiabilityAsync(CreateLiability("sevare-land"));
            var request = new DeleteLiabilityRequest { Name = liability.Name, Etag = liability.Etag, RequestId = NewId() };
            return () => Client.DeleteLiabilityAsync(request).ResponseAsync;
        },
        ["UndeleteLiability"] = async () =>
        {
            var liability = await Client.CreateLiabilityAsync(CreateLiability("sevare-land"));
            var deleted = await Client.DeleteLiabilityAsync(new DeleteLiabilityRequest { Name = liability.Name, RequestId = NewId() });
            var request = new UndeleteLiabilityRequest { Name = liability.Name, Etag = deleted.Etag, RequestId = NewId() };
            return () => Client.UndeleteLiabilityAsync(request).ResponseAsync;
        },
        ["CreateArchiveRecord"] = AuditCoverage.Unarranged(CreateArchiveRecord(), r => Client.CreateArchiveRecordAsync(r).ResponseAsync),
        ["ArchiveRecords"] = async () =>
        {
            await Client.CreateArchiveRecordAsync(CreateArchiveRecord("sevare-files"));
            var request = Archive("sevare-files", Day(2024, 4, 1));
            return () => Client.ArchiveRecordsAsync(request).ResponseAsync;
        },
        ["UpdateArchiveRecord"] = async () =>
        {
            var record = await Client.CreateArchiveRecordAsync(CreateArchiveRecord("sevare-files"));
            var request = new UpdateArchiveRecordRequest
            {
                ArchiveRecord = new ArchiveRecord { Name = record.Name, Title = Text("Sévaré camp files, 2013-2023", "Dossiers du camp de Sévaré, 2013-2023"), Owner = "Chief Archivist" },
                UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "title", "owner" } },
                Etag = record.Etag,
                RequestId = NewId(),
            };
            return () => Client.UpdateArchiveRecordAsync(request).ResponseAsync;
        },
        ["DeleteArchiveRecord"] = async () =>
        {
            var record = await Client.CreateArchiveRecordAsync(CreateArchiveRecord("sevare-files"));
            var request = new DeleteArchiveRecordRequest { Name = record.Name, Etag = record.Etag, RequestId = NewId() };
            return () => Client.DeleteArchiveRecordAsync(request).ResponseAsync;
        },
        ["UndeleteArchiveRecord"] = async () =>
        {
            var record = await Client.CreateArchiveRecordAsync(CreateArchiveRecord("sevare-files"));
            var deleted = await Client.DeleteArchiveRecordAsync(new DeleteArchiveRecordRequest { Name = record.Name, RequestId = NewId() });
            var request = new UndeleteArchiveRecordRequest { Name = record.Name, Etag = deleted.Etag, RequestId = NewId() };
            return () => Client.UndeleteArchiveRecordAsync(request).ResponseAsync;
        },
        ["IssueFinalReport"] = async () =>
        {
            await MinusmaSites.HandOverEveryAsync(App.SitesClient);
            var request = IssueFinalReport();
            return () => Client.IssueFinalReportAsync(request).ResponseAsync;
        },
    };
}
