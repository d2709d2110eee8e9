using MissionOps.Common.V1;
using MissionOps.Liquidation.V1;
using Date = Google.Type.Date;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>Valid requests to start from; each test breaks what it is about.</summary>
public static class Requests
{
    public const string Minusma = "missions/minusma";
    public const string Sevare = "missions/minusma/sites/sevare";

    public static string NewId() => Guid.NewGuid().ToString();

    public static LocalizedText Text(string en, string fr) => new() { En = en, Fr = fr };

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Money Usd(long cents) => new() { CurrencyCode = "USD", MinorUnits = cents };

    public static UpdateLiquidationPlanRequest PlanWithThreshold(long thresholdCents) => new()
    {
        RequestId = NewId(),
        LiquidationPlan = new LiquidationPlan { Name = $"{Minusma}/liquidationPlan", StartDate = Day(2024, 1, 1), ApprovalThreshold = Usd(thresholdCents) },
    };

    public static CreateAssetRequest CreateAsset(string id, AssetCategory category, long valueCents, Ownership ownership = Ownership.UnOwned) => new()
    {
        Parent = Minusma,
        AssetId = id,
        RequestId = NewId(),
        Asset = new Asset
        {
            Description = Text($"Asset {id}", $"Bien {id}"),
            Ownership = ownership,
            Category = category,
            Site = Sevare,
            InventoryNumber = id.ToUpperInvariant(),
            AcquisitionCost = Usd(valueCents * 3),
            DepreciatedValue = Usd(valueCents),
            OwnerCountryCode = ownership == Ownership.ContingentOwned ? "SN" : string.Empty,
        },
    };

    public static CreateDisposalCaseRequest OpenDisposal(string assetId, DisposalGroup group, DisposalMethod method) => new()
    {
        Parent = Minusma,
        DisposalCaseId = assetId,
        RequestId = NewId(),
        DisposalCase = new DisposalCase { Asset = $"{Minusma}/assets/{assetId}", Group = group, Method = method },
    };

    public static RecordDisposalRequest Record(string caseId, long proceedsCents) => new()
    {
        Name = $"{Minusma}/disposalCases/{caseId}",
        RequestId = NewId(),
        Record = new DisposalRecord
        {
            DisposalDate = Day(2024, 2, 1),
            Counterparty = Text("Société Sahel Énergie", "Société Sahel Énergie"),
            CertificateNumber = "CERT-1",
            Proceeds = Usd(proceedsCents),
        },
    };

    /// <summary>The authority Financial Regulation 5.14 asks of the method, if any.</summary>
    public static RecordDisposalRequest WithAuthority(RecordDisposalRequest request, DisposalMethod method)
    {
        switch (method)
        {
            case DisposalMethod.HandoverToHostGovernment:
                request.Record.Compensation = InKind();
                break;
            case DisposalMethod.Donation:
                request.Record.GeneralAssemblyDecision = "A/RES/78/287";
                break;
            case DisposalMethod.WriteOff:
                request.Record.PropertySurveyBoardReference = "MINUSMA/LPSB/2024/031";
                break;
        }

        return request;
    }

    public static CompensationTerms InKind() => new()
    {
        Form = CompensationForm.InKind,
        Description = Text("Free use of the premises by the regional health directorate", "Usage gratuit des locaux par la direction régionale de la santé"),
        Agreement = new MissionOps.Common.V1.DocumentReference
        {
            Title = Text("Agreement with the Governorate", "Accord avec le gouvernorat"),
            Reference = "MINUSMA/GOV/2024/003",
            SignedDate = Day(2024, 2, 1),
        },
    };

    public static ApproveDisposalRequest Approve(string caseId) => new()
    {
        Name = $"{Minusma}/disposalCases/{caseId}",
        RequestId = NewId(),
        Approval = new DisposalApproval { ApprovedBy = "Director of Mission Support", ApprovalDate = Day(2024, 1, 15), Reference = "DMS/2024/1" },
    };

    public static CreateLiabilityRequest CreateLiability(string id = "sevare-land") => new()
    {
        Parent = Minusma,
        LiabilityId = id,
        RequestId = NewId(),
        Liability = new Liability
        {
            Kind = LiabilityKind.LandRestoration,
            Description = Text("Waste site restoration", "Remise en état du site de déchets"),
            Owner = "Environmental Officer",
            EstimatedCost = Usd(2_500_000),
        },
    };

    public static SettleLiabilityRequest Settle(string id, Date settled) => new()
    {
        Name = $"{Minusma}/liabilities/{id}",
        SettledDate = settled,
        RequestId = NewId(),
    };

    public static CreateArchiveRecordRequest CreateArchiveRecord(string id = "sevare-files") => new()
    {
        Parent = Minusma,
        ArchiveRecordId = id,
        RequestId = NewId(),
        ArchiveRecord = new ArchiveRecord { Title = Text("Sévaré camp files", "Dossiers du camp de Sévaré"), Owner = "Records Officer" },
    };

    public static ArchiveRecordsRequest Archive(string id, Date archived) => new()
    {
        Name = $"{Minusma}/archiveRecords/{id}",
        ArchivedDate = archived,
        RequestId = NewId(),
    };

    public static IssueFinalReportRequest IssueFinalReport(string reference = "MINUSMA/LIQ/2024/017") => new()
    {
        Mission = Minusma,
        IssueDate = Day(2024, 6, 30),
        Signatory = new ReportSignatory { FullName = "Mahamat Saleh Annadif", Title = "Director of Mission Support" },
        DocumentReference = reference,
        RequestId = NewId(),
    };
}
