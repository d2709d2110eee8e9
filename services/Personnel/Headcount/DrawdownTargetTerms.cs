using Component = MissionOps.Personnel.V1.Component;

namespace MissionOps.Personnel.Headcount;

/// <summary>
/// What is recorded of a drawdown target and may be corrected later, checked alike on create and update. The phase is
/// checked against the Sites service apart, as only the endpoint can ask it.
/// </summary>
public sealed record DrawdownTargetTerms(string DrawdownPhase, Component Component, DateOnly Deadline, int MaxHeadcount)
{
    public static DrawdownTargetTerms Of(RequestValidator v, V1.DrawdownTarget input)
    {
        v.Check(input.MaxHeadcount >= 0, "drawdown_target.max_headcount", "must not be negative");
        return new(input.DrawdownPhase, v.Enum("drawdown_target.component", input.Component), v.Date("drawdown_target.deadline", input.Deadline),
            input.MaxHeadcount);
    }
}
