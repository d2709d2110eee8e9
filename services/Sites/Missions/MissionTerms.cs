using V1 = MissionOps.Sites.V1;

namespace MissionOps.Sites.Missions;

/// <summary>What is recorded of a mission and may be corrected later: its names and its dates, checked alike on create and update.</summary>
public sealed record MissionTerms(Text DisplayName, DateOnly MandateStart, DateOnly? MandateEnd, DateOnly? LiquidationStart)
{
    public static MissionTerms Of(RequestValidator v, V1.Mission m)
    {
        var displayName = v.Bilingual("mission.display_name", m.DisplayName);
        var start = v.Date("mission.mandate_start_date", m.MandateStartDate);
        var end = v.OptionalDate("mission.mandate_end_date", m.MandateEndDate);
        var liquidation = v.OptionalDate("mission.liquidation_start_date", m.LiquidationStartDate);
        v.NotBefore("mission.mandate_end_date", end, "mission.mandate_start_date", start);
        v.NotBefore("mission.liquidation_start_date", liquidation, "mission.mandate_start_date", start);
        return new MissionTerms(displayName, start, end, liquidation);
    }
}
