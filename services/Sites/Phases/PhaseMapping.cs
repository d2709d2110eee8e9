using V1 = MissionOps.Sites.V1;

namespace MissionOps.Sites.Phases;

public static class PhaseMapping
{
    public static V1.DrawdownPhase ToProto(this DrawdownPhase phase) => new()
    {
        Name = phase.Name,
        Ordinal = phase.Ordinal,
        DisplayName = phase.DisplayName.ToProto(),
        StartDate = phase.StartDate.ToProto(),
        EndDate = phase.EndDate.ToProto(),
        CreateTime = phase.CreateTime.ToProto(),
    };

    public static DrawdownPhase Parse(RequestValidator v, string missionId, V1.CreateDrawdownPhaseRequest request, DateTimeOffset now)
    {
        var id = v.ResourceId("drawdown_phase_id", request.DrawdownPhaseId);
        var phase = request.DrawdownPhase;
        if (phase is null)
        {
            v.Add("drawdown_phase", "is required");
            v.ThrowIfInvalid();
        }

        v.Check(phase!.Ordinal >= 1, "drawdown_phase.ordinal", "must be 1 or more");
        var displayName = v.Bilingual("drawdown_phase.display_name", phase.DisplayName);
        var start = v.Date("drawdown_phase.start_date", phase.StartDate);
        var end = v.Date("drawdown_phase.end_date", phase.EndDate);
        v.NotBefore("drawdown_phase.end_date", end, "drawdown_phase.start_date", start);
        return DrawdownPhase.Create(missionId, id, phase.Ordinal, displayName, start, end, now);
    }
}
