using MissionOps.ServiceDefaults.Changes;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using MovementKind = MissionOps.Personnel.V1.MovementKind;
using MovementMode = MissionOps.Personnel.V1.MovementMode;
using MovementState = MissionOps.Personnel.V1.MovementState;

namespace MissionOps.Personnel.Movements;

/// <summary>
/// The movement of a person or a unit. Its states only follow the allowed transitions:
/// planned, in transit, held and resumed, then completed; planned or held may be cancelled.
/// </summary>
public sealed class Movement : Aggregate<MovementEvent>, IAggregate, IHasEtag
{
    private Movement()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    public string? PersonId { get; private set; }

    public string? UnitId { get; private set; }

    public MovementKind Kind { get; private set; }

    public MovementMode Mode { get; private set; }

    public string OriginSite { get; private set; } = string.Empty;

    /// <summary>The destination site; null when the people leave the mission.</summary>
    public string? DestinationSite { get; private set; }

    public DateOnly PlannedDate { get; private set; }

    public DateOnly? DepartureDate { get; private set; }

    public DateOnly? ArrivalDate { get; private set; }

    public MovementState State { get; private set; }

    public Text? HoldReason { get; private set; }

    public Text? CancelReason { get; private set; }

    public int PeopleCount { get; private set; }

    public string? ManifestId { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/movements/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The day the movement counts from in headcounts: its arrival once completed, else its planned day.</summary>
    public DateOnly EffectiveDate => ArrivalDate ?? PlannedDate;

    public static Movement Plan(string missionId, string id, string? personId, string? unitId, MovementKind kind, MovementMode mode,
        string originSite, string? destinationSite, DateOnly plannedDate, int peopleCount, string? manifestId, DateTimeOffset now)
    {
        MovementRules.EnsureKept(kind, mode, originSite, destinationSite);
        return Raising(new Movement
        {
            MissionId = missionId,
            Id = id,
            PersonId = personId,
            UnitId = unitId,
            Kind = kind,
            Mode = mode,
            OriginSite = originSite,
            DestinationSite = kind == MovementKind.Repatriation ? null : destinationSite,
            PlannedDate = plannedDate,
            State = MovementState.Planned,
            PeopleCount = peopleCount,
            ManifestId = manifestId,
            CreateTime = now,
            UpdateTime = now,
        }, MovementEvent.Created);
    }

    public void Start(DateOnly departureDate, DateTimeOffset now)
    {
        Require("start", MovementState.Planned);
        DepartureDate = departureDate;
        Move(MovementState.InTransit, now);
        Raise(MovementEvent.Started);
    }

    /// <summary>A movement recorded once it is over (a manifest row with its arrival day): it set off and arrived that day.</summary>
    public void RecordArrival(DateOnly arrivalDate, DateTimeOffset now)
    {
        Require("complete", MovementState.Planned);
        DepartureDate = arrivalDate;
        ArrivalDate = arrivalDate;
        Move(MovementState.Completed, now);
        Raise(MovementEvent.Completed);
    }

    /// <summary>Written in bulk, outside the change tracker: its version is the writing transaction's, as for every row it wrote.</summary>
    public void WrittenBy(uint transaction) => Version = transaction;

    public void Hold(Text reason, DateTimeOffset now)
    {
        Require("hold", MovementState.InTransit);
        HoldReason = reason;
        Move(MovementState.Held, now);
        Raise(MovementEvent.Held);
    }

    public void Resume(DateTimeOffset now)
    {
        Require("resume", MovementState.Held);
        Move(MovementState.InTransit, now);
        Raise(MovementEvent.Resumed);
    }

    public void Complete(DateOnly arrivalDate, DateTimeOffset now)
    {
        Require("complete", MovementState.InTransit);
        if (arrivalDate < DepartureDate)
        {
            throw new RuleBreachException(ErrorReason.ArrivalBeforeDeparture, "arrival_date", arrivalDate, $"{arrivalDate:yyyy-MM-dd} is before the departure on {DepartureDate:yyyy-MM-dd}");
        }

        ArrivalDate = arrivalDate;
        Move(MovementState.Completed, now);
        Raise(MovementEvent.Completed);
    }

    public void Cancel(Text reason, DateTimeOffset now)
    {
        Require("cancel", MovementState.Planned, MovementState.Held);
        CancelReason = reason;
        Move(MovementState.Cancelled, now);
        Raise(MovementEvent.Cancelled);
    }

    private void Move(MovementState state, DateTimeOffset now)
    {
        State = state;
        UpdateTime = now;
    }

    private void Require(string action, params MovementState[] allowed)
    {
        if (!allowed.Contains(State))
        {
            throw new RuleViolationException(ErrorReason.MovementTransitionNotAllowed,
                $"Cannot {action} {Name}: it is {MovementStates.Of(State)}, and only a movement that is " +
                $"{string.Join(" or ", allowed.Select(MovementStates.Of))} may {action}.",
                [new MissingItem(ErrorReason.MovementState, Name, $"must be {string.Join(" or ", allowed.Select(MovementStates.ContractName))}")]);
        }
    }
}
