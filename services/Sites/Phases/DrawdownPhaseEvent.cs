namespace MissionOps.Sites.Phases;

/// <summary>What can happen to a drawdown phase: it is created, then only read.</summary>
public enum DrawdownPhaseEvent
{
    Created,
}
