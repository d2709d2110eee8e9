using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Components.Sites;

/// <summary>What a planner may try on a site's page, one at a time.</summary>
public enum PlanChangeKind
{
    HoldMovement,
    MoveMovement,
    AddMovement,
    MoveProjectHandover,
    PlanClosureStep,
}

/// <summary>
/// One change as the what-if form holds it. Blank parts are sent as they are: Liquidation, which knows what each change
/// needs, names the field to correct.
/// </summary>
public sealed class PlanChangeForm
{
    public PlanChangeKind Kind { get; set; }
    public string? Movement { get; set; }
    public int Days { get; set; } = 7;
    public DateOnly? Date { get; set; }
    public int People { get; set; } = 1;
    public string? Project { get; set; }
    public ClosureStepKind Step { get; set; }

    /// <param name="added">How many movements the form has added so far, removed ones too: each needs a name of its own.</param>
    public PlanChange ToChange(string site, int added) => Kind switch
    {
        PlanChangeKind.HoldMovement => new() { HoldMovement = new() { Movement = Movement ?? string.Empty, Days = Days } },
        PlanChangeKind.MoveMovement => new() { MoveMovement = new() { Movement = Movement ?? string.Empty, Date = Date?.ToProto() } },
        PlanChangeKind.AddMovement => new()
        {
            AddMovement = new() { Id = $"what-if-{added + 1}", OriginSite = site, PeopleCount = People, PlannedDate = Date?.ToProto() },
        },
        PlanChangeKind.MoveProjectHandover => new() { MoveProjectHandover = new() { Project = Project ?? string.Empty, Date = Date?.ToProto() } },
        PlanChangeKind.PlanClosureStep => new()
        {
            PlanClosureStep = new() { Site = site, ClosureStep = ContractEnums.NameOf(Step), Date = Date?.ToProto() },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };
}
