using MissionOps.Personnel.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Forecast;

/// <summary>A hypothetical change to a mission's facts: what a planner asks "what if" of. Nothing is stored.</summary>
public abstract record PlanChange
{
    /// <summary>The change's field in the contract's PlanChange (<c>hold_movement</c>), which its faults are named under.</summary>
    internal abstract string Field { get; }

    /// <summary>This change applied to the facts; what it names that the facts do not have goes to <paramref name="check"/>, by field.</summary>
    internal abstract ForecastFacts ApplyTo(ForecastFacts facts, ChangeCheck check);
}

/// <summary>The faults of one change, each by its field (<c>changes[1].hold_movement.movement</c>); a change with any is not applied.</summary>
internal sealed class ChangeCheck(string field, List<FieldViolation> violations)
{
    public bool Failed { get; private set; }

    public T? Find<T>(IEnumerable<T> items, Func<T, bool> match, string name, string description) where T : class =>
        items.FirstOrDefault(match) ?? Fail<T>(name, description);

    public void Check(bool holds, string name, string description)
    {
        if (!holds)
        {
            Fail<object>(name, description);
        }
    }

    private T? Fail<T>(string name, string description) where T : class
    {
        violations.Add(new FieldViolation($"{field}.{name}", description));
        Failed = true;
        return null;
    }
}

/// <summary>The movement is held from the forecast's day for this many days (a convoy stopped by movement restrictions).</summary>
public sealed record HoldMovement(string Movement, int Days) : PlanChange
{
    internal override string Field => "hold_movement";

    internal override ForecastFacts ApplyTo(ForecastFacts facts, ChangeCheck check)
    {
        var held = check.Find(facts.Movements, m => m.Name == Movement, "movement", $"{Movement} is not a movement out of a site of {facts.Mission}");
        check.Check(Days > 0, "days", "must be a number of days above 0");
        return check.Failed ? facts : facts with
        {
            Movements = WhatIf.Replace(facts.Movements, held!, held! with
            {
                State = MovementState.Held, HeldSince = facts.AsOf, ExpectedRelease = facts.AsOf.AddDays(Days),
            }),
        };
    }
}

/// <summary>The movement leaves on another day.</summary>
public sealed record MoveMovement(string Movement, DateOnly Date) : PlanChange
{
    internal override string Field => "move_movement";

    internal override ForecastFacts ApplyTo(ForecastFacts facts, ChangeCheck check)
    {
        var moved = check.Find(facts.Movements, m => m.Name == Movement, "movement", $"{Movement} is not a movement out of a site of {facts.Mission}");
        check.Check(moved?.State != MovementState.InTransit, "movement", $"{Movement} is already on its way; hold it instead");
        return check.Failed ? facts : facts with { Movements = WhatIf.Replace(facts.Movements, moved!, moved! with { State = MovementState.Planned, PlannedDate = Date }) };
    }
}

/// <summary>One more movement out of a site, planned.</summary>
public sealed record AddMovement(OutboundMovement Movement) : PlanChange
{
    internal override string Field => "add_movement";

    internal override ForecastFacts ApplyTo(ForecastFacts facts, ChangeCheck check)
    {
        check.Find(facts.Sites, s => s.Name == Movement.Origin, "origin_site", $"{Movement.Origin} is not a site of {facts.Mission}");
        check.Check(Movement.People > 0, "people_count", "must be at least 1");
        check.Check(facts.Movements.All(m => m.Name != Movement.Name), "id", $"{Movement.Name} is already a movement of the plan");
        return check.Failed ? facts : facts with { Movements = [.. facts.Movements, Movement with { State = MovementState.Planned }] };
    }
}

/// <summary>The project is handed over on another day.</summary>
public sealed record MoveProjectHandover(string Project, DateOnly Date) : PlanChange
{
    internal override string Field => "move_project_handover";

    internal override ForecastFacts ApplyTo(ForecastFacts facts, ChangeCheck check)
    {
        var project = check.Find(facts.Projects, p => p.Name == Project, "project", $"{Project} is not an open project of {facts.Mission}");
        return check.Failed ? facts : facts with { Projects = WhatIf.Replace(facts.Projects, project!, project! with { PlannedHandover = Date }) };
    }
}

/// <summary>A closure step of a site not yet recorded is done on this day.</summary>
public sealed record PlanClosureStep(string Site, ClosureStepKind Step, DateOnly Date) : PlanChange
{
    internal override string Field => "plan_closure_step";

    internal override ForecastFacts ApplyTo(ForecastFacts facts, ChangeCheck check)
    {
        var site = check.Find(facts.Sites, s => s.Name == Site, "site", $"{Site} is not a site of {facts.Mission}");
        var step = site is null ? null
            : check.Find(site.StepsRemaining, s => s.Kind == Step, "closure_step", $"{Step} is already recorded at {Site}, or is not one of its steps");
        return check.Failed ? facts : facts with
        {
            Sites = WhatIf.Replace(facts.Sites, site!, site! with { StepsRemaining = WhatIf.Replace(site!.StepsRemaining, step!, step! with { PlannedDate = Date }) }),
        };
    }
}

/// <summary>
/// The forecast as it would be with some changes, none stored: the facts with each change applied in turn. A change that
/// names what the mission does not have is refused, its field named (<c>changes[1].hold_movement.movement</c>), and nothing is forecast.
/// </summary>
public static class WhatIf
{
    public static MissionForecast Forecast(ForecastFacts facts, IReadOnlyList<PlanChange> changes, ForecastAssumptions? assumptions = null) =>
        Forecaster.Forecast(Apply(facts, changes), assumptions);

    public static ForecastFacts Apply(ForecastFacts facts, IReadOnlyList<PlanChange> changes)
    {
        var violations = new List<FieldViolation>();
        for (var i = 0; i < changes.Count; i++)
        {
            facts = changes[i].ApplyTo(facts, new ChangeCheck($"changes[{i}].{changes[i].Field}", violations));
        }

        return violations.Count == 0 ? facts : throw new InvalidArgumentException(violations);
    }

    internal static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, T old, T replacement) where T : class =>
        [.. items.Select(item => ReferenceEquals(item, old) ? replacement : item)];
}
