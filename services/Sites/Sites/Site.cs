using MissionOps.Sites.Closure;
using MissionOps.Sites.Handover;
using MissionOps.Sites.LeftWithoutHandover;
using MissionOps.Sites.Phases;
using ClosureStepKind = MissionOps.Sites.V1.ClosureStepKind;
using HandoverSide = MissionOps.Sites.V1.HandoverSide;
using RecipientKind = MissionOps.Sites.V1.RecipientKind;
using SiteKind = MissionOps.Sites.V1.SiteKind;
using SiteState = MissionOps.Sites.V1.SiteState;

namespace MissionOps.Sites.Sites;

/// <summary>
/// A camp, base or office, from opening to handover. Its lifecycle only moves forward
/// (operational, closure planned, closing, closed, then handed over or left without handover)
/// and only through the methods here, which refuse what the mission's rules forbid. Nothing is
/// ever deleted.
/// </summary>
public sealed class Site : Aggregate<SiteEvent>, IAggregate, IHasEtag
{
    private Site()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    public Text DisplayName { get; private set; } = Text.Empty;

    public SiteKind Kind { get; private set; }

    public SiteState State { get; private set; }

    public SiteLocation Location { get; private set; } = null!;

    public DateOnly OpeningDate { get; private set; }

    public DateOnly? ClosingDate { get; private set; }

    public string? ReplacedBy { get; private set; }

    public string? DrawdownPhaseId { get; private set; }

    public DateOnly? PlannedClosureDate { get; private set; }

    public IReadOnlyList<ClosureStep> ClosureSteps { get; private set; } = [];

    public SiteClosure? Closure { get; private set; }

    public SiteHandover? Handover { get; private set; }

    public DateOnly? HandoverDate { get; private set; }

    public SiteLeftWithoutHandover? LeftWithoutHandover { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/sites/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool IsClosed => State is SiteState.Closed or SiteState.HandedOver or SiteState.LeftWithoutHandover;

    public static Site Open(string missionId, string id, Text displayName, SiteKind kind, SiteLocation location,
        DateOnly openingDate, string? replacedBy, DateTimeOffset now) => Raising(new Site
    {
        MissionId = missionId,
        Id = id,
        DisplayName = displayName,
        Kind = kind,
        State = SiteState.Operational,
        Location = location,
        OpeningDate = openingDate,
        ReplacedBy = replacedBy,
        CreateTime = now,
        UpdateTime = now,
    }, SiteEvent.Created);

    public void Describe(Text? displayName, SiteLocation? location, DateOnly? openingDate, string? replacedBy, bool clearReplacedBy, DateTimeOffset now)
    {
        var newOpening = openingDate ?? OpeningDate;
        var earliestLater = new[] { ClosureSteps.Count > 0 ? ClosureSteps.Min(s => s.CompletedDate) : (DateOnly?)null, ClosingDate }
            .Where(d => d is not null).Min();
        if (earliestLater is { } later && newOpening > later)
        {
            throw new RuleBreachException(ErrorReason.OpenedAfterClosureActivity, "opening_date", newOpening,
                $"{newOpening:yyyy-MM-dd} is after the site's recorded closure activity on {later:yyyy-MM-dd}");
        }

        if (replacedBy == Name)
        {
            throw new RuleBreachException(ErrorReason.SiteReplacesItself, "replaced_by", replacedBy, "a site cannot replace itself");
        }

        DisplayName = displayName ?? DisplayName;
        Location = location ?? Location;
        OpeningDate = newOpening;
        ReplacedBy = clearReplacedBy ? null : replacedBy ?? ReplacedBy;
        UpdateTime = now;
        Raise(SiteEvent.Updated);
    }

    public void PlanClosure(DrawdownPhase phase, DateOnly plannedClosureDate, DateTimeOffset now)
    {
        RefuseIfClosed("plan its closure");
        if (!phase.Covers(plannedClosureDate))
        {
            throw new RuleBreachException(ErrorReason.ClosureOutsidePhase, "planned_closure_date", plannedClosureDate,
                $"{plannedClosureDate:yyyy-MM-dd} is outside {phase.Name} ({phase.StartDate:yyyy-MM-dd} to {phase.EndDate:yyyy-MM-dd})");
        }

        if (plannedClosureDate < OpeningDate)
        {
            throw new RuleBreachException(ErrorReason.ClosureBeforeOpening, "planned_closure_date", plannedClosureDate,
                $"{plannedClosureDate:yyyy-MM-dd} is before the site opened on {OpeningDate:yyyy-MM-dd}");
        }

        DrawdownPhaseId = phase.Id;
        PlannedClosureDate = plannedClosureDate;
        if (State == SiteState.Operational)
        {
            State = SiteState.ClosurePlanned;
        }

        UpdateTime = now;
        Raise(SiteEvent.ClosurePlanned);
    }

    public void RecordClosureStep(ClosureStep step, DateTimeOffset now)
    {
        RefuseIfClosed("record a closure step");
        RefuseIfNotPlanned("record a closure step");
        ClosureChecklist.Check(step);
        if (step.CompletedDate < OpeningDate)
        {
            throw new RuleBreachException(ErrorReason.StepBeforeOpening, "completed_date", step.CompletedDate,
                $"{step.CompletedDate:yyyy-MM-dd} is before the site opened on {OpeningDate:yyyy-MM-dd}");
        }

        ClosureSteps = [.. ClosureSteps, step];
        State = SiteState.Closing;
        UpdateTime = now;
        Raise(SiteEvent.ClosureStepRecorded);
    }

    /// <summary>
    /// The normal path: the closure was planned, every checklist step is done, and Personnel and
    /// Projects report nothing left at the site.
    /// </summary>
    public void RecordClosure(DateOnly closureDate, Text? notes, SiteClearance clearance, DateTimeOffset now)
    {
        CheckNormalClosure(closureDate);
        if (!clearance.IsClear)
        {
            var blockers = new List<MissingItem>();
            if (clearance.PersonnelRemaining > 0)
            {
                blockers.Add(new MissingItem(ErrorReason.Personnel, Name,
                    $"{clearance.PersonnelRemaining} people still at the site apart from the residual roster" +
                    (clearance.RemainingIndexNumbers.Count > 0 ? $" (first: {string.Join(", ", clearance.RemainingIndexNumbers.Take(5))})" : string.Empty)));
            }

            blockers.AddRange(clearance.OpenProjects.Select(project =>
                new MissingItem(ErrorReason.Project, project, "not handed over, closed nor cancelled: it holds the site open")));
            throw new RuleViolationException(ErrorReason.SiteNotClear,
                $"{Name} cannot be closed on {closureDate:yyyy-MM-dd}: " + string.Join("; ", blockers.Select(b => $"{b.Subject}: {b.Description}")) + ".",
                blockers);
        }

        Close(new SiteClosure(closureDate, Emergency: false, EmergencyReason: null, ItemsLeftInPlace: [], notes), now);
    }

    /// <summary>What the normal path needs of the site itself, before the other services are asked.</summary>
    public void CheckNormalClosure(DateOnly closureDate)
    {
        RefuseIfClosed("record its closure");
        RefuseIfNotPlanned("record its closure");

        var missing = ClosureChecklist.Required.Where(kind => ClosureSteps.All(s => s.Kind != kind)).ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolationException(ErrorReason.ClosureChecklistIncomplete,
                $"{Name} cannot be closed: {missing.Count} closure step(s) are not done. Record them, or use the emergency path.",
                missing.Select(kind => new MissingItem(ErrorReason.ClosureStep, ClosureStepNames.Of(kind), "not recorded")).ToList());
        }

        CheckClosureDate(closureDate);
    }

    /// <summary>
    /// The emergency path, an approver's decision: the site was left early; what stayed and why, and
    /// who authorised it, are recorded instead of the checklist.
    /// </summary>
    public void RecordEmergencyClosure(DateOnly closureDate, Text reason, IReadOnlyList<ItemLeftInPlace> itemsLeft, Text? notes, WhatStayed whatStayed,
        string authorisedBy, DateTimeOffset now)
    {
        RefuseIfClosed("record its closure");
        CheckClosureDate(closureDate);
        Close(new SiteClosure(closureDate, Emergency: true, reason, itemsLeft, notes, whatStayed, authorisedBy), now);
    }

    /// <summary>
    /// The end of a site that will never be handed over: recorded from any state before an end, and
    /// nothing follows it. A site not yet closed closes on the day it was left.
    /// </summary>
    public void RecordLeftWithoutHandover(SiteLeftWithoutHandover left, DateTimeOffset now)
    {
        RefuseIfEnded();
        if (ClosingDate is { } closed)
        {
            if (left.LeftDate < closed)
            {
                throw new RuleBreachException(ErrorReason.LeftBeforeClosure, "left_date", left.LeftDate,
                    $"{left.LeftDate:yyyy-MM-dd} is before the site closed on {closed:yyyy-MM-dd}");
            }
        }
        else
        {
            CheckClosureDate(left.LeftDate, "left_without_handover.left_date");
            ClosingDate = left.LeftDate;
        }

        LeftWithoutHandover = left;
        State = SiteState.LeftWithoutHandover;
        UpdateTime = now;
        Raise(SiteEvent.LeftWithoutHandover);
    }

    public void RecordHandover(SiteHandover handover, DateTimeOffset now)
    {
        RefuseIfEnded();

        if (State != SiteState.Closed)
        {
            throw new RuleViolationException(ErrorReason.SiteNotClosed,
                $"{Name} is {SiteStateNames.Of(State)}: a site is handed over only after its closure is recorded.",
                [new MissingItem(ErrorReason.SiteClosure, Name, "record the closure (RecordSiteClosure) first")]);
        }

        if (handover.Recipient.Kind != RecipientKind.StateCivilianAuthority)
        {
            throw new RuleViolationException(ErrorReason.RecipientNotStateCivilianAuthority,
                $"{Name} can only be handed over to a civilian authority of the host State, not to {handover.Recipient.DisplayName.En}.",
                [new MissingItem(ErrorReason.HandoverRecipient, "handover.recipient.kind", "must be RECIPIENT_KIND_STATE_CIVILIAN_AUTHORITY")]);
        }

        var missing = HandoverPackage.RequiredDocuments
            .Where(kind => handover.Documents.All(d => d.Kind != kind))
            .Select(kind => new MissingItem(ErrorReason.HandoverDocument, HandoverNames.Of(kind), "required in the handover package"))
            .Concat(HandoverPackage.RequiredSides
                .Where(side => handover.Signatories.All(s => s.Side != side))
                .Select(side => new MissingItem(ErrorReason.Signatory, HandoverNames.Of(side), "at least one signatory for this side")))
            .ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolationException(ErrorReason.HandoverPackageIncomplete,
                $"The handover package of {Name} is incomplete: " + string.Join(", ", missing.Select(m => m.Subject)) + ".",
                missing);
        }

        if (handover.CeremonyDate < ClosingDate)
        {
            throw new RuleBreachException(ErrorReason.HandoverBeforeClosure, "ceremony_date", handover.CeremonyDate,
                $"{handover.CeremonyDate:yyyy-MM-dd} is before the site closed on {ClosingDate:yyyy-MM-dd}");
        }

        Handover = handover;
        HandoverDate = handover.CeremonyDate;
        State = SiteState.HandedOver;
        UpdateTime = now;
        Raise(SiteEvent.HandedOver);
    }

    private void Close(SiteClosure closure, DateTimeOffset now)
    {
        Closure = closure;
        ClosingDate = closure.ClosureDate;
        State = SiteState.Closed;
        UpdateTime = now;
        Raise(SiteEvent.Closed);
    }

    private void CheckClosureDate(DateOnly closureDate, string field = "closure_date")
    {
        var latest = ClosureSteps.Count > 0 ? ClosureSteps.Max(s => s.CompletedDate) : OpeningDate;
        if (closureDate < OpeningDate || closureDate < latest)
        {
            throw new InvalidArgumentException(field,
                $"{closureDate:yyyy-MM-dd} is before the site opened or before its last closure step ({latest:yyyy-MM-dd})");
        }
    }

    /// <summary>A handover and a leaving without handover are both ends: nothing follows either.</summary>
    private void RefuseIfEnded()
    {
        if (State == SiteState.HandedOver)
        {
            throw new RuleViolationException(ErrorReason.SiteAlreadyHandedOver,
                $"{Name} was already handed over on {HandoverDate:yyyy-MM-dd}.");
        }

        if (LeftWithoutHandover is { } left)
        {
            throw new RuleViolationException(ErrorReason.SiteAlreadyLeft,
                $"{Name} was left without handover ({SiteStateNames.Of(left.Circumstance)}) on {left.LeftDate:yyyy-MM-dd}: nothing follows it.");
        }
    }

    private void RefuseIfClosed(string action)
    {
        if (IsClosed)
        {
            throw new RuleViolationException(ErrorReason.SiteClosed,
                $"Cannot {action}: {Name} was closed on {ClosingDate:yyyy-MM-dd} and takes no further closure changes.");
        }
    }

    private void RefuseIfNotPlanned(string action)
    {
        if (DrawdownPhaseId is null)
        {
            throw new RuleViolationException(ErrorReason.ClosureNotPlanned,
                $"Cannot {action}: {Name} has no planned closure.",
                [new MissingItem(ErrorReason.ClosurePlan, Name, "plan the closure in a drawdown phase (PlanSiteClosure) first")]);
        }
    }
}
