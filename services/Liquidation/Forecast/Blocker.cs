namespace MissionOps.Liquidation.Forecast;

public enum BlockerKind
{
    /// <summary>A movement that takes people out of a site, planned or held on the way.</summary>
    Movement,

    /// <summary>People at a site whom no movement takes out: nothing says when the site will be empty.</summary>
    PeopleWithoutMovement,

    /// <summary>A closure step not yet recorded.</summary>
    ClosureStep,

    /// <summary>A project at a site, not yet handed over.</summary>
    Project,

    /// <summary>A site's closure, once everything that holds it open is done.</summary>
    SiteClosure,

    /// <summary>A site's handover to the host authorities, after its closure.</summary>
    SiteHandover,

    /// <summary>An asset awaiting disposal.</summary>
    Asset,

    /// <summary>The last site handed over: the withdrawal done.</summary>
    Withdrawal,
}

/// <summary>
/// Something that must be done before a date can come, the earliest day it will be (<see cref="Date"/>, null when nothing
/// recorded says), and the blocker that sets that day in turn (<see cref="After"/>): followed back, the critical path.
/// A closure step's <see cref="Resource"/> is its site, <see cref="Step"/> which step.
/// </summary>
public sealed record Blocker(BlockerKind Kind, string Resource, Said Text, DateOnly? Date, Blocker? After = null,
    Sites.V1.ClosureStepKind? Step = null)
{
    /// <summary>What it is and why it falls on its day, in English.</summary>
    public string Description => Text.En;

    /// <summary>The chain that sets this blocker's date, its first cause first and this blocker last.</summary>
    public IReadOnlyList<Blocker> Path()
    {
        var path = new List<Blocker>();
        for (var blocker = this; blocker is not null; blocker = blocker.After)
        {
            path.Add(blocker);
        }

        path.Reverse();
        return path;
    }

    /// <summary>The one that comes last; an unknown date comes after every known one; among equals, the first given.</summary>
    public static Blocker? Latest(IEnumerable<Blocker> blockers)
    {
        Blocker? latest = null;
        foreach (var blocker in blockers)
        {
            if (latest is null || (latest.Date is { } known && (blocker.Date is not { } date || date > known)))
            {
                latest = blocker;
            }
        }

        return latest;
    }
}
