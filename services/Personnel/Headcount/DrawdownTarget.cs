using Component = MissionOps.Personnel.V1.Component;

namespace MissionOps.Personnel.Headcount;

/// <summary>The most people of a component the mission may still have at a phase's deadline.</summary>
public sealed class DrawdownTarget : Aggregate<DrawdownTargetEvent>, IAggregate
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

    public string Name => $"missions/{MissionId}/drawdownTargets/{Id}";

    public static DrawdownTarget Create(string missionId, string id, string drawdownPhase, Component component, DateOnly deadline,
        int maxHeadcount, DateTimeOffset now) => Raising(new DrawdownTarget
    {
        MissionId = missionId,
        Id = id,
        DrawdownPhase = drawdownPhase,
        Component = component,
        Deadline = deadline,
        MaxHeadcount = maxHeadcount,
        CreateTime = now,
    }, DrawdownTargetEvent.Created);
}
