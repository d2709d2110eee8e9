using CompensationForm = MissionOps.Liquidation.V1.CompensationForm;

namespace MissionOps.Liquidation.Disposals;

/// <summary>The delegated authority's approval of a disposal.</summary>
public sealed record DisposalApproval(string ApprovedBy, DateOnly ApprovalDate, string Reference);

/// <summary>
/// What was done with an asset; proceeds in the asset's currency. The authority Financial
/// Regulation 5.14 asks of some methods travels with it (see <see cref="FinancialRegulation514"/>).
/// </summary>
public sealed record DisposalRecord(
    DateOnly DisposalDate,
    Text Counterparty,
    string CertificateNumber,
    long Proceeds,
    CompensationTerms? Compensation = null,
    string? GeneralAssemblyDecision = null,
    string? PropertySurveyBoardReference = null);

/// <summary>The compensation the host government gives for installed assets, in the form agreed, with the signed agreement.</summary>
public sealed record CompensationTerms(CompensationForm Form, Text Description, Document Agreement);
