namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>A document kept as evidence: what it is, its registry reference, when and by whom it was signed.</summary>
public sealed record Document(Text Title, string Reference, string? Uri, DateOnly SignedDate, IReadOnlyList<string> SignedBy);
