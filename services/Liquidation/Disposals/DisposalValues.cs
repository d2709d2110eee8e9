using MissionOps.ServiceDefaults.Contracts;

namespace MissionOps.Liquidation.Disposals;

/// <summary>The delegated authority's approval of a disposal.</summary>
public sealed record DisposalApproval(string ApprovedBy, DateOnly ApprovalDate, string Reference);

/// <summary>What was done with an asset; proceeds in the asset's currency.</summary>
public sealed record DisposalRecord(DateOnly DisposalDate, Text Counterparty, string CertificateNumber, long Proceeds);
