using MissionOps.Sites.Missions;
using MissionOps.Sites.Phases;
using MissionOps.Sites.Regions;
using MissionOps.Sites.Sites;

namespace MissionOps.Sites;

/// <summary>The Sites service's aggregates as its contract shows them, and the events.proto messages of what happens to them.</summary>
public static class SitesContracts
{
    public static ChangeContracts Create() => new ChangeContracts(V1.EventsReflection.Descriptor)
        .Add<Mission, MissionEvent, V1.Mission>(m => m.ToProto())
        .Add<Region, RegionEvent, V1.Region>(r => r.ToProto())
        .Add<DrawdownPhase, DrawdownPhaseEvent, V1.DrawdownPhase>(p => p.ToProto())
        .Add<Site, SiteEvent, V1.Site>(s => s.ToProto());
}
