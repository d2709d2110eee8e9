using Component = MissionOps.Personnel.V1.Component;

namespace MissionOps.Personnel.Headcount;

/// <summary>The most people of a component the mission may still have at a phase's deadline.</summary>
public sealed class DrawdownTarget : Aggregate<DrawdownTargetEvent>, IAggregate, IHasEtag, ISoftDeletable
{
    private DrawdownTarget()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    /// <summary>The Sites drawdown phase (<c>missions/minusma/drawdownPhases/phase-2</c>).</summary>
    public string DrawdownPhase { get; private set; } = string.Empty;

    public Component Component { get; private set; }

    public DateOnly Deadline { get; private set; }

    public int MaxHeadcount { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset? DeleteTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/drawdownTargets/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static DrawdownTarget Create(string missionId, string id, DrawdownTargetTerms terms, DateTimeOffset now) =>
        Raising(new DrawdownTarget { MissionId = missionId, Id = id, CreateTime = now }.With(terms), DrawdownTargetEvent.Created);

    /// <summary>Corrects what was recorded; the burn-down then measures the mission against the target as corrected.</summary>
    public void Correct(DrawdownTargetTerms terms)
    {
        this.EnsureNotDeleted();
        With(terms);
        Raise(DrawdownTargetEvent.Updated);
    }

    /// <summary>A target recorded by mistake is no longer a point of the burn-down.</summary>
    public void Delete(DateTimeOffset now)
    {
        this.EnsureNotDeleted();
        DeleteTime = now;
        Raise(DrawdownTargetEvent.Deleted);
    }

    public void Undelete()
    {
        this.EnsureDeleted();
        DeleteTime = null;
        Raise(DrawdownTargetEvent.Undeleted);
    }

    private DrawdownTarget With(DrawdownTargetTerms terms)
    {
        (DrawdownPhase, Component, Deadline, MaxHeadcount) = (terms.DrawdownPhase, terms.Component, terms.Deadline, terms.MaxHeadcount);
        return this;
    }
}
