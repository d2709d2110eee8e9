using MissionOps.ServiceDefaults.Contracts;
using ClosureStepKind = MissionOps.Sites.V1.ClosureStepKind;
using InPlaceDisposition = MissionOps.Sites.V1.InPlaceDisposition;

namespace MissionOps.Sites.Closure;

/// <summary>One step of the closure checklist, as done.</summary>
public sealed record ClosureStep(
    ClosureStepKind Kind, DateOnly CompletedDate, string PerformedBy, Text? Notes, IReadOnlyList<Document> Documents);

/// <summary>The day the last personnel left, and for the emergency path what stayed, why, and the approver who authorised it.</summary>
public sealed record SiteClosure(
    DateOnly ClosureDate, bool Emergency, Text? EmergencyReason, IReadOnlyList<ItemLeftInPlace> ItemsLeftInPlace, Text? Notes,
    WhatStayed? WhatStayed = null, string? AuthorisedBy = null);

/// <summary>Who and what was still at a site left by the emergency path; not complete when a service could not be asked.</summary>
public sealed record WhatStayed(int PersonnelRemaining, IReadOnlyList<string> OpenProjects, bool Complete);

/// <summary>Something destroyed, decommissioned or abandoned at a site left by the emergency path.</summary>
public sealed record ItemLeftInPlace(Text Description, InPlaceDisposition Disposition, int Quantity, Text Reason);

/// <summary>The closure checklist: every kind of step a normal closure needs done.</summary>
public static class ClosureChecklist
{
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
