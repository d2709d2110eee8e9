using MissionOps.Sites.Handover;
using ClosureStepKind = MissionOps.Sites.V1.ClosureStepKind;
using HandoverSide = MissionOps.Sites.V1.HandoverSide;
using InPlaceDisposition = MissionOps.Sites.V1.InPlaceDisposition;

namespace MissionOps.Sites.Closure;

/// <summary>One step of the closure checklist, as done; steps recorded before signatories were kept have none.</summary>
public sealed record ClosureStep(
    ClosureStepKind Kind, DateOnly CompletedDate, string PerformedBy, Text? Notes, IReadOnlyList<Document> Documents,
    IReadOnlyList<Signatory>? Signatories = null);

/// <summary>The day the last personnel left, and for the emergency path what stayed, why, and the approver who authorised it.</summary>
public sealed record SiteClosure(
    DateOnly ClosureDate, bool Emergency, Text? EmergencyReason, IReadOnlyList<ItemLeftInPlace> ItemsLeftInPlace, Text? Notes,
    WhatStayed? WhatStayed = null, string? AuthorisedBy = null);

/// <summary>Who and what was still at a site left by the emergency path; not complete when a service could not be asked.</summary>
public sealed record WhatStayed(int PersonnelRemaining, IReadOnlyList<string> OpenProjects, bool Complete);

/// <summary>Something destroyed, decommissioned or abandoned at a site left by the emergency path.</summary>
public sealed record ItemLeftInPlace(Text Description, InPlaceDisposition Disposition, int Quantity, Text Reason);

/// <summary>The closure checklist: every kind of step a normal closure needs done, and what each must show.</summary>
public static class ClosureChecklist
{
    /// <summary>The steps whose outcome is a document: the record is the proof, so the step is not done without it.</summary>
    public static readonly IReadOnlyList<ClosureStepKind> ProducingDocuments =
    [
        ClosureStepKind.HazardousWasteRemoved,
        ClosureStepKind.EnvironmentalCloseoutAssessment,
        ClosureStepKind.JointEnvironmentalInspection,
        ClosureStepKind.ExplosiveHazardSurvey,
    ];

    /// <summary>The steps done jointly with the host authority, whose signatory must be named.</summary>
    public static readonly IReadOnlyList<ClosureStepKind> SignedByTheHost = [ClosureStepKind.JointEnvironmentalInspection];

    /// <summary>Refuses a step without the document it produces or, for a joint step, without the host authority's signatory.</summary>
    public static void Check(ClosureStep step)
    {
        var violations = new List<FieldViolation>();
        if (ProducingDocuments.Contains(step.Kind) && step.Documents.Count == 0)
        {
            violations.Add(new FieldViolation("step.documents", $"{ClosureStepNames.Of(step.Kind)} produces a document: attach it"));
        }

        if (SignedByTheHost.Contains(step.Kind) && (step.Signatories ?? []).All(s => s.Side != HandoverSide.Host))
        {
            violations.Add(new FieldViolation("step.signatories",
                $"{ClosureStepNames.Of(step.Kind)} is done with the host authority: name its signatory (full name, role, HANDOVER_SIDE_HOST)"));
        }

        if (violations.Count > 0)
        {
            throw new InvalidArgumentException(violations);
        }
    }

    public static readonly IReadOnlyList<ClosureStepKind> Required =
    [
        ClosureStepKind.ContingentEquipmentWithdrawn,
        ClosureStepKind.UnEquipmentRemoved,
        ClosureStepKind.HazardousWasteRemoved,
        ClosureStepKind.EnvironmentalCloseoutAssessment,
        ClosureStepKind.JointEnvironmentalInspection,
        ClosureStepKind.ExplosiveHazardSurvey,
    ];
}
