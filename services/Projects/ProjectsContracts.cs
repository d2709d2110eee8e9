using MissionOps.Projects.Iati;
using MissionOps.Projects.Projects;
using MissionOps.Projects.Rules;

namespace MissionOps.Projects;

/// <summary>The Projects service's aggregates as its contract shows them, and the events.proto messages of what happens to them.</summary>
public static class ProjectsContracts
{
    public static ChangeContracts Create(CodeLists codes) => new ChangeContracts(V1.EventsReflection.Descriptor)
        .Add<Project, ProjectEvent, V1.Project>(p => p.ToProto(codes))
        .Add<QuickImpactRules, QuickImpactRulesEvent, V1.QuickImpactRules>(r => r.ToProto())
        .Add<IatiPublication, IatiPublicationEvent, V1.IatiPublication>(p => p.ToProto());
}
