using MissionOps.Sites.Closure;
using HandoverDocumentKind = MissionOps.Sites.V1.HandoverDocumentKind;
using HandoverSide = MissionOps.Sites.V1.HandoverSide;
using RecipientKind = MissionOps.Sites.V1.RecipientKind;

namespace MissionOps.Sites.Handover;

/// <summary>The handover of a closed site to the host authorities, with its signed package.</summary>
public sealed record SiteHandover(
    HandoverRecipient Recipient,
    DateOnly CeremonyDate,
    IReadOnlyList<Signatory> Signatories,
    IReadOnlyList<Attendee> Attendees,
    IReadOnlyList<HandoverDocument> Documents,
    Text AgreedCivilianUse);

public sealed record HandoverRecipient(Text DisplayName, RecipientKind Kind);

public sealed record Signatory(string FullName, Text Role, HandoverSide Side);

public sealed record Attendee(string FullName, Text Role);

public sealed record HandoverDocument(HandoverDocumentKind Kind, Document Document);

/// <summary>What a handover package must hold.</summary>
public static class HandoverPackage
{
    public static readonly IReadOnlyList<HandoverDocumentKind> RequiredDocuments =
    [
        HandoverDocumentKind.SiteInspectionCertificate,
        HandoverDocumentKind.RemainingInfrastructureList,
        HandoverDocumentKind.EnvironmentalClearanceCertificate,
    ];

    public static readonly IReadOnlyList<HandoverSide> RequiredSides = [HandoverSide.Host, HandoverSide.Mission];
}
