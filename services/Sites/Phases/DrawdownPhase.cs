namespace MissionOps.Sites.Phases;

/// <summary>A phase of the drawdown: the window in which a set of sites is planned to close.</summary>
public sealed class DrawdownPhase : Aggregate<DrawdownPhaseEvent>, IAggregate
{
    private DrawdownPhase()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    public int Ordinal { get; private set; }

    public Text DisplayName { get; private set; } = Text.Empty;

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public string Name => $"missions/{MissionId}/drawdownPhases/{Id}";

    public bool Covers(DateOnly date) => date >= StartDate && date <= EndDate;

    public static DrawdownPhase Create(string missionId, string id, int ordinal, Text displayName,
        DateOnly startDate, DateOnly endDate, DateTimeOffset now) => Raising(new DrawdownPhase
    {
        MissionId = missionId,
        Id = id,
        Ordinal = ordinal,
        DisplayName = displayName,
        StartDate = startDate,
        EndDate = endDate,
        CreateTime = now,
    }, DrawdownPhaseEvent.Created);
}
