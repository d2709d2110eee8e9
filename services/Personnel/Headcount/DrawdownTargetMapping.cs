using V1 = MissionOps.Personnel.V1;

namespace MissionOps.Personnel.Headcount;

public static class DrawdownTargetMapping
{
    public static V1.DrawdownTarget ToProto(this DrawdownTarget target) => new()
    {
        Name = target.Name,
        DrawdownPhase = target.DrawdownPhase,
        Component = target.Component,
        Deadline = target.Deadline.ToProto(),
        MaxHeadcount = target.MaxHeadcount,
        Etag = target.Etag,
        DeleteTime = target.DeleteTime?.ToProto(),
    };
}
