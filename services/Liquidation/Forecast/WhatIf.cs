using MissionOps.Personnel.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Forecast;

/// <summary>A hypothetical change to a mission's facts: what a planner asks "what if" of. Nothing is stored.</summary>
public abstract record PlanChange
{
    /// <summary>This change applied to the facts, or the field of the change that names what the facts do not have.</summary>
    internal abstract ForecastFacts ApplyTo(ForecastFacts facts, string field);
}

/// <summary>The movement is held from the forecast's day for this many days (a convoy stopped by movement restrictions).</summary>
public sealed record HoldMovement(string Movement, int Days) : PlanChange
{
    internal override ForecastFacts ApplyTo(ForecastFacts facts, string field)
    {
        var held = WhatIf.Find(facts.Movements, m => m.Name == Movement, $"{field}.movement", $"{Movement} is not a movement out of a site of {facts.Mission}");
        WhatIf.Check(Days > 0, $"{field}.days", "must be a number of days above 0");
        return facts with
        {
            Movements = WhatIf.Replace(facts.Movements, held, held with
            {
                State = MovementState.Held, HeldSince = facts.AsOf, ExpectedRelease = facts.AsOf.AddDays(Days),
            }),
        };
    }
}

/// <summary>The movement leaves on another day.</summary>
public sealed record MoveMovement(string Movement, DateOnly Date) : PlanChange
{
    internal override ForecastFacts ApplyTo(ForecastFacts facts, string field)
    {
        var moved = WhatIf.Find(facts.Movements, m => m.Name == Movement, $"{field}.movement", $"{Movement} is not a movement out of a site of {facts.Mission}");
        return facts with { Movements = WhatIf.Replace(facts.Movements, moved, moved with { State = MovementState.Planned, PlannedDate = Date }) };
    }
}

/// <summary>One more movement out of a site, planned.</summary>
public sealed record AddMovement(OutboundMovement Movement) : PlanChange
{
    internal override ForecastFacts ApplyTo(ForecastFacts facts, string field)
    {
        WhatIf.Find(facts.Sites, s => s.Name == Movement.Origin, $"{field}.movement.origin_site", $"{Movement.Origin} is not a site of {facts.Mission}");
        WhatIf.Check(Movement.People > 0, $"{field}.movement.people_count", "must be at least 1");
        WhatIf.Check(facts.Movements.All(m => m.Name != Movement.Name), $"{field}.movement.name", $"{Movement.Name} is already a movement of the plan");
        return facts with { Movements = [.. facts.Movements, Movement with { State = MovementState.Planned }] };
    }
}

/// <summary>The project is handed over on another day.</summary>
public sealed record MoveProjectHandover(string Project, DateOnly Date) : PlanChange
{
    internal override ForecastFacts ApplyTo(ForecastFacts facts, string field)
    {
        var project = WhatIf.Find(facts.Projects, p => p.Name == Project, $"{field}.project", $"{Project} is not an open project of {facts.Mission}");
        return facts with { Projects = WhatIf.Replace(facts.Projects, project, project with { PlannedHandover = Date }) };
    }
}

/// <summary>A closure step of a site not yet recorded is done on this day.</summary>
public sealed record PlanClosureStep(string Site, ClosureStepKind Step, DateOnly Date) : PlanChange
{
    internal override ForecastFacts ApplyTo(ForecastFacts facts, string field)
    {
        var site = WhatIf.Find(facts.Sites, s => s.Name == Site, $"{field}.site", $"{Site} is not a site of {facts.Mission}");
        var step = WhatIf.Find(site.StepsRemaining, s => s.Kind == Step, $"{field}.step", $"{Step} is already recorded at {Site}, or is not one of its steps");
        return facts with
        {
            Sites = WhatIf.Replace(facts.Sites, site, site with { StepsRemaining = WhatIf.Replace(site.StepsRemaining, step, step with { PlannedDate = Date }) }),
        };
    }
}

/// <summary>
/// The forecast as it would be with some changes, none stored: the facts with each change applied in turn. A change that
/// names what the mission does not have is refused, its field named (<c>changes[1].movement</c>), and nothing is forecast.
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
            try
            {
                facts = changes[i].ApplyTo(facts, $"changes[{i}]");
            }
            catch (InvalidArgumentException refused)
            {
                violations.AddRange(refused.Violations);
            }
        }

        return violations.Count == 0 ? facts : throw new InvalidArgumentException(violations);
    }

    internal static T Find<T>(IEnumerable<T> items, Func<T, bool> match, string field, string description) =>
        items.FirstOrDefault(match) ?? throw new InvalidArgumentException(field, description);

    internal static void Check(bool holds, string field, string description)
    {
        if (!holds)
        {
            throw new InvalidArgumentException(field, description);
        }
    }

    internal static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, T old, T replacement) where T : class =>
        [.. items.Select(item => ReferenceEquals(item, old) ? replacement : item)];
}
