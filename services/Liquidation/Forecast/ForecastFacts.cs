using MissionOps.Personnel.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Forecast;

/// <summary>
/// What the forecast of a mission is computed from, as the record stood on <see cref="AsOf"/>: the sites and what still
/// holds each open, the movements that take people out, the open projects, the assets awaiting disposal.
/// </summary>
public sealed record ForecastFacts(
    string Mission,
    DateOnly AsOf,
    DateOnly WithdrawalDeadline,
    IReadOnlyDictionary<string, DateOnly> PhaseEnds,
    IReadOnlyList<SiteFacts> Sites,
    IReadOnlyList<OutboundMovement> Movements,
    IReadOnlyList<OpenProject> Projects,
    IReadOnlyList<AssetAwaitingDisposal> Assets);

/// <summary>
/// A site as Sites and Personnel record it: its state, its drawdown phase, the people still there (the residual team
/// left out), the closure steps not yet recorded, and the days it was closed and handed over, once it was. A site where
/// the residual roster keeps people for the liquidation is kept until <see cref="RetainedUntil"/>, the latest end of
/// their retention: the withdrawal does not wait for it.
/// </summary>
public sealed record SiteFacts(
    string Name,
    string DisplayName,
    SiteState State,
    string? Phase,
    int PeopleRemaining,
    IReadOnlyList<RemainingStep> StepsRemaining,
    DateOnly? ClosedOn = null,
    DateOnly? HandedOverOn = null,
    DateOnly? RetainedUntil = null,
    string? FrenchName = null)
{
    public Named Named => Named.Of(DisplayName, FrenchName);
}

/// <summary>A closure step not yet recorded; done on <see cref="PlannedDate"/> when a planner says so, else as the assumptions say.</summary>
public sealed record RemainingStep(ClosureStepKind Kind, DateOnly? PlannedDate = null);

/// <summary>A movement that takes people away from <see cref="Origin"/>, not yet gone: planned, in transit or held on the way.</summary>
public sealed record OutboundMovement(
    string Name,
    string Origin,
    int People,
    MovementState State,
    DateOnly PlannedDate,
    DateOnly? HeldSince = null,
    DateOnly? ExpectedRelease = null);

/// <summary>A project not yet handed over, closed or cancelled; one at a site holds the site's closure until it is.</summary>
public sealed record OpenProject(string Name, string Title, string? Site, DateOnly? PlannedHandover, string? FrenchTitle = null)
{
    public Named Named => Named.Of(Title, FrenchTitle);
}

/// <summary>An asset still to be disposed of; one whose value needs the board's approval waits for it first.</summary>
public sealed record AssetAwaitingDisposal(string Name, string Description, string Site, bool NeedsApproval, DateOnly? PlannedDisposal = null,
    string? FrenchDescription = null)
{
    public Named Named => Named.Of(Description, FrenchDescription);
}
