using MissionOps.Sites.V1;

namespace MissionOps.Sites.Sites;

/// <summary>Contract names of lifecycle values, as partners see them in errors.</summary>
public static class SiteStateNames
{
    public static string Of(SiteState state) => state switch
    {
        SiteState.Operational => "operational",
        SiteState.ClosurePlanned => "planned for closure",
        SiteState.Closing => "closing",
        SiteState.Closed => "closed",
        SiteState.HandedOver => "handed over",
        SiteState.LeftWithoutHandover => "left without handover",
        _ => "in an unknown state",
    };

    public static string Of(LeftCircumstance circumstance) => circumstance switch
    {
        LeftCircumstance.Abandoned => "abandoned",
        LeftCircumstance.Seized => "seized",
        LeftCircumstance.Destroyed => "destroyed",
        _ => "in unknown circumstances",
    };
}
