using ActivityStatus = MissionOps.Projects.V1.ActivityStatus;
using ProjectKind = MissionOps.Projects.V1.ProjectKind;
using TransactionType = MissionOps.Projects.V1.TransactionType;

namespace MissionOps.Projects.Projects;

/// <summary>
/// A community project, shaped like an IATI activity. Its status follows the IATI lifecycle
/// through the methods here only; spend, results and handover are refused where the status
/// forbids them.
/// </summary>
public sealed class Project : Aggregate<ProjectEvent>, IAggregate, IHasEtag
{
    private Project()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    public string IatiIdentifier { get; private set; } = string.Empty;

    public ProjectKind Kind { get; private set; }

    public ActivityStatus Status { get; private set; }

    public ProjectDescription Description { get; private set; } = null!;

    public DateOnly? ActualStart { get; private set; }

    public DateOnly? ActualEnd { get; private set; }

    public IReadOnlyList<Transaction> Transactions { get; private set; } = [];

    public IReadOnlyList<Result> Results { get; private set; } = [];

    public ProjectHandover? Handover { get; private set; }

    public Text? StatusReason { get; private set; }

    /// <summary>The sites named by the locations, kept as a column for "projects at site S".</summary>
    public List<string> Sites { get; private set; } = [];

    /// <summary>The districts named by the locations, kept as a column for "projects in district D".</summary>
    public List<string> Districts { get; private set; } = [];

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/projects/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Disbursements and expenditure so far, in the project's currency.</summary>
    public long Spent => MoneyTotal.Of(Description.Currency,
        Transactions.Where(t => t.Type is TransactionType.Disbursement or TransactionType.Expenditure), t => t.MinorUnits);

    /// <summary>
    /// Holds the closure of the project's sites and of the mission: until it is handed over, closed
    /// or cancelled, a project planned, under way, suspended or with its works finished
    /// (finalisation) is still the mission's to finish. Sites and Liquidation read this through the
    /// contract (ListOpenProjects, Project.blocks_closure), never a rule of their own.
    /// </summary>
    public bool BlocksClosure => Handover is null && Status is not (ActivityStatus.Closed or ActivityStatus.Cancelled);

    public static Project Create(string missionId, string id, string iatiIdentifier, ProjectKind kind, ProjectDescription description, DateTimeOffset now)
    {
        var project = new Project
        {
            MissionId = missionId,
            Id = id,
            IatiIdentifier = iatiIdentifier,
            Kind = kind,
            Status = ActivityStatus.Pipeline,
            CreateTime = now,
        };
        project.SetDescription(description, now);
        return Raising(project, ProjectEvent.Created);
    }

    public void Describe(ProjectDescription description, DateTimeOffset now)
    {
        RefuseIfEnded("change its description");
        SetDescription(description, now);
        Raise(ProjectEvent.Updated);
    }

    private void SetDescription(ProjectDescription description, DateTimeOffset now)
    {
        Description = description;
        Sites = description.Locations.Where(l => l.Site is not null).Select(l => l.Site!).Distinct().ToList();
        Districts = description.Locations.Where(l => l.DistrictPcode is not null).Select(l => l.DistrictPcode!).Distinct().ToList();
        UpdateTime = now;
    }

    public void Start(DateOnly actualStart, DateTimeOffset now)
    {
        Require("start", ActivityStatus.Pipeline);
        ActualStart = actualStart;
        Move(ActivityStatus.Implementation, null, now, ProjectEvent.Started);
    }

    public void Suspend(Text reason, DateTimeOffset now)
    {
        Require("suspend", ActivityStatus.Implementation);
        Move(ActivityStatus.Suspended, reason, now, ProjectEvent.Suspended);
    }

    public void Resume(DateTimeOffset now)
    {
        Require("resume", ActivityStatus.Suspended);
        Move(ActivityStatus.Implementation, null, now, ProjectEvent.Resumed);
    }

    public void Finalise(DateOnly actualEnd, DateTimeOffset now)
    {
        Require("finalise", ActivityStatus.Implementation);
        if (actualEnd < ActualStart)
        {
            throw new RuleBreachException(ErrorReason.EndBeforeStart, "actual_end", actualEnd, $"{actualEnd:yyyy-MM-dd} is before the actual start on {ActualStart:yyyy-MM-dd}");
        }

        ActualEnd = actualEnd;
        Move(ActivityStatus.Finalisation, null, now, ProjectEvent.Finalised);
    }

    public void Close(DateTimeOffset now)
    {
        Require("close", ActivityStatus.Finalisation);
        Move(ActivityStatus.Closed, null, now, ProjectEvent.Closed);
    }

    public void Cancel(Text reason, DateTimeOffset now)
    {
        Require("cancel", ActivityStatus.Pipeline, ActivityStatus.Implementation, ActivityStatus.Suspended);
        Move(ActivityStatus.Cancelled, reason, now, ProjectEvent.Cancelled);
    }

    public void RecordTransaction(Transaction transaction, string currency, DateTimeOffset now)
    {
        RefuseIfEnded("record a transaction");
        if (currency != Description.Currency)
        {
            throw new RuleBreachException(ErrorReason.TransactionInAnotherCurrency, "value.currency_code", currency,
                $"'{currency}' is not the project's currency {Description.Currency}");
        }

        Transactions = [.. Transactions, transaction];
        UpdateTime = now;
        Raise(ProjectEvent.TransactionRecorded);
    }

    /// <summary>A project that never started may set its results' targets, not report what was achieved.</summary>
    public void RecordResult(Result result, DateTimeOffset now)
    {
        RefuseIfEnded("record a result");
        if (result.Indicators.Any(i => i.Periods.Any(p => p.Actual is not null)))
        {
            RefuseIfNeverStarted("record an actual");
        }

        Results = [.. Results, result.RecordedAfter(Results)];
        UpdateTime = now;
        Raise(ProjectEvent.ResultRecorded);
    }

    /// <summary>
    /// Records or corrects an actual in any status once the project has started: results are reported after the
    /// end, and what a cancelled project achieved still counts.
    /// </summary>
    public void RecordIndicatorActual(IndicatorActual actual, DateTimeOffset now)
    {
        RefuseIfNeverStarted("record an actual");
        var i = Results.ToList().FindIndex(r => r.Ref == actual.ResultRef);
        if (i < 0)
        {
            throw new RuleBreachException(ErrorReason.ResultUnknown, "result_ref", actual.ResultRef,
                $"'{actual.ResultRef}' is not a result of {Name} (its results: {string.Join(", ", Results.Select(r => r.Ref))})");
        }

        var results = Results.ToArray();
        results[i] = Results[i].WithActual(actual, DateOnly.FromDateTime(now.UtcDateTime));
        Results = results;
        UpdateTime = now;
        Raise(ProjectEvent.IndicatorActualRecorded);
    }

    private void RefuseIfNeverStarted(string action)
    {
        if (ActualStart is null)
        {
            throw new RuleViolationException(ErrorReason.ProjectNotStarted,
                $"Cannot {action}: {Name} is {StatusNames.Of(Status)} and never started, so nothing was achieved yet.",
                [new MissingItem(ErrorReason.ProjectStatus, Name, "must have started (StartProject)")]);
        }
    }

    public void RecordHandover(ProjectHandover handover, DateTimeOffset now)
    {
        if (Handover is not null)
        {
            throw new RuleViolationException(ErrorReason.ProjectAlreadyHandedOver, $"{Name} was already handed over on {Handover.HandoverDate:yyyy-MM-dd}.");
        }

        if (Status is not (ActivityStatus.Finalisation or ActivityStatus.Closed))
        {
            throw new RuleViolationException(ErrorReason.ProjectNotCompleted,
                $"{Name} is {StatusNames.Of(Status)}: only completed works (finalisation or closed) are handed over.",
                [new MissingItem(ErrorReason.ProjectStatus, Name, "finalise the project (FinaliseProject) first")]);
        }

        if (handover.HandoverDate < ActualEnd)
        {
            throw new RuleBreachException(ErrorReason.HandoverBeforeEnd, "handover_date", handover.HandoverDate,
                $"{handover.HandoverDate:yyyy-MM-dd} is before the works ended on {ActualEnd:yyyy-MM-dd}");
        }

        Handover = handover;
        UpdateTime = now;
        Raise(ProjectEvent.HandedOver);
    }

    private void Move(ActivityStatus status, Text? reason, DateTimeOffset now, ProjectEvent happened)
    {
        Status = status;
        StatusReason = reason;
        UpdateTime = now;
        Raise(happened);
    }

    private void RefuseIfEnded(string action)
    {
        if (Status is ActivityStatus.Closed or ActivityStatus.Cancelled)
        {
            throw new RuleViolationException(Status == ActivityStatus.Closed ? ErrorReason.ProjectClosed : ErrorReason.ProjectCancelled,
                $"Cannot {action}: {Name} is {StatusNames.Of(Status)}.");
        }
    }

    private void Require(string action, params ActivityStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new RuleViolationException(ErrorReason.ProjectTransitionNotAllowed,
                $"Cannot {action} {Name}: it is {StatusNames.Of(Status)}, and only a project that is " +
                $"{string.Join(" or ", allowed.Select(StatusNames.Of))} may {action}.",
                [new MissingItem(ErrorReason.ProjectStatus, Name, $"must be {string.Join(" or ", allowed.Select(StatusNames.ContractName))}")]);
        }
    }
}
