using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.DemoData;
using MissionOps.Liquidation.V1;
using static MissionOps.ServiceDefaults.DemoData.DemoValues;

namespace MissionOps.Liquidation.DemoData;

/// <summary>A mission's demo liquidation, written through the Liquidation endpoints in process, as the demo loader.</summary>
internal sealed class DemoLiquidation(LiquidationApi api, string missionId, string currency, CancellationToken ct)
{
    private readonly DemoLoader loader = new(LiquidationService.Descriptor.FullName, missionId);

    private string Mission => $"missions/{missionId}";

    /// <summary>The demo written through endpoints whose changes go through a pipeline over the seeder's own database.</summary>
    public static DemoLiquidation Over(IServiceProvider services, LiquidationDbContext db, string missionId, string currency, CancellationToken ct) =>
        new(DemoLoader.Endpoints<LiquidationApi, LiquidationDbContext>(services, db), missionId, currency, ct);

    private Money Amount(long minorUnits) => new() { CurrencyCode = currency, MinorUnits = minorUnits };

    public Task PlanAsync(DateOnly start, long approvalThreshold) =>
        loader.CallAsync(nameof(LiquidationApi.UpdateLiquidationPlan), c => api.UpdateLiquidationPlan(new UpdateLiquidationPlanRequest
        {
            LiquidationPlan = new LiquidationPlan { Name = $"{Mission}/liquidationPlan", StartDate = Day(start), ApprovalThreshold = Amount(approvalThreshold) },
            RequestId = loader.RequestId("liquidationPlan"),
        }, c), ct);

    public Task AssetAsync(string id, LocalizedText description, AssetCategory category, string site, long cost, long value,
        Ownership ownership = Ownership.UnOwned, string? country = null, ContingentDecision decision = ContingentDecision.Unspecified) =>
        loader.CallAsync(nameof(LiquidationApi.CreateAsset), c => api.CreateAsset(new CreateAssetRequest
        {
            Parent = Mission,
            AssetId = id,
            Asset = new Asset
            {
                Description = description, Ownership = ownership, Category = category, Site = $"{Mission}/sites/{site}",
                InventoryNumber = id.ToUpperInvariant(), AcquisitionCost = Amount(cost), DepreciatedValue = Amount(value),
                OwnerCountryCode = country ?? string.Empty, ContingentDecision = decision,
            },
            RequestId = loader.RequestId($"asset/{id}"),
        }, c), ct);

    /// <summary>Opens the disposal of an asset, under the asset's own id.</summary>
    public Task<DisposalCase> CaseAsync(string asset, DisposalGroup group, DisposalMethod method) =>
        loader.CallAsync(nameof(LiquidationApi.CreateDisposalCase), c => api.CreateDisposalCase(new CreateDisposalCaseRequest
        {
            Parent = Mission,
            DisposalCaseId = asset,
            DisposalCase = new DisposalCase { Asset = $"{Mission}/assets/{asset}", Group = group, Method = method },
            RequestId = loader.RequestId($"disposal/{asset}"),
        }, c), ct);

    public Task ApproveAsync(string disposal, string approvedBy, DateOnly day, string reference) =>
        loader.CallAsync(nameof(LiquidationApi.ApproveDisposal), c => api.ApproveDisposal(new ApproveDisposalRequest
        {
            Name = $"{Mission}/disposalCases/{disposal}",
            Approval = new DisposalApproval { ApprovedBy = approvedBy, ApprovalDate = Day(day), Reference = reference },
            RequestId = loader.RequestId($"disposal/{disposal}/approval"),
        }, c), ct);

    public Task DisposeAsync(string disposal, DateOnly day, LocalizedText counterparty, string certificate, long proceeds) =>
        loader.CallAsync(nameof(LiquidationApi.RecordDisposal), c => api.RecordDisposal(new RecordDisposalRequest
        {
            Name = $"{Mission}/disposalCases/{disposal}",
            Record = new DisposalRecord { DisposalDate = Day(day), Counterparty = counterparty, CertificateNumber = certificate, Proceeds = Amount(proceeds) },
            RequestId = loader.RequestId($"disposal/{disposal}/record"),
        }, c), ct);

    public Task LiabilityAsync(string id, LiabilityKind kind, LocalizedText description, string owner, long estimatedCost) =>
        loader.CallAsync(nameof(LiquidationApi.CreateLiability), c => api.CreateLiability(new CreateLiabilityRequest
        {
            Parent = Mission,
            LiabilityId = id,
            Liability = new Liability { Kind = kind, Description = description, Owner = owner, EstimatedCost = Amount(estimatedCost) },
            RequestId = loader.RequestId($"liability/{id}"),
        }, c), ct);

    public Task SettleAsync(string liability, DateOnly day) => loader.CallAsync(nameof(LiquidationApi.SettleLiability), c => api.SettleLiability(
        new SettleLiabilityRequest { Name = $"{Mission}/liabilities/{liability}", SettledDate = Day(day), RequestId = loader.RequestId($"liability/{liability}/settle") },
        c), ct);

    public Task RecordsAsync(string id, LocalizedText title, string owner) =>
        loader.CallAsync(nameof(LiquidationApi.CreateArchiveRecord), c => api.CreateArchiveRecord(new CreateArchiveRecordRequest
        {
            Parent = Mission, ArchiveRecordId = id, ArchiveRecord = new ArchiveRecord { Title = title, Owner = owner }, RequestId = loader.RequestId($"records/{id}"),
        }, c), ct);

    public Task ArchiveAsync(string records, DateOnly day) => loader.CallAsync(nameof(LiquidationApi.ArchiveRecords), c => api.ArchiveRecords(
        new ArchiveRecordsRequest { Name = $"{Mission}/archiveRecords/{records}", ArchivedDate = Day(day), RequestId = loader.RequestId($"records/{records}/archive") },
        c), ct);
}
