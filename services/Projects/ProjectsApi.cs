using MissionOps.Projects.Iati;
using MissionOps.Projects.Projects;
using MissionOps.Sites.Client;

namespace MissionOps.Projects;

/// <summary>The gRPC endpoints: map the request, let the domain decide, map the answer. Split by feature.</summary>
public sealed partial class ProjectsApi(ProjectsDbContext db, ChangePipeline<ProjectsDbContext> changes, TimeProvider clock, CodeLists codes, SitesDirectory sites, SiteRegions siteRegions, ProjectRegions regions, IatiReporting reporting)
    : V1.ProjectsService.ProjectsServiceBase
{
    private DateTimeOffset Now => clock.GetStorableUtcNow();

    private static CancellationToken Token(ServerCallContext context) => context.CancellationToken;

    /// <summary>A project read and not changed: compiled once, so a point read does not translate its query again each time.</summary>
    private static readonly Func<ProjectsDbContext, string, string, CancellationToken, Task<Project?>> ReadProject =
        EF.CompileAsyncQuery((ProjectsDbContext db, string missionId, string id, CancellationToken _) =>
            db.Projects.AsNoTracking().SingleOrDefault(p => p.MissionId == missionId && p.Id == id));

    private async Task<Project> FindProjectAsync(string field, string? name, CancellationToken ct, bool tracked = true)
    {
        var ids = ResourceName.Parse(field, name, "missions", "projects");
        var project = tracked
            ? await db.Projects.SingleOrDefaultAsync(p => p.MissionId == ids[0] && p.Id == ids[1], ct)
            : await ReadProject(db, ids[0], ids[1], ct);
        return project ?? throw new NotFoundException("missionops.un.org/Project", $"missions/{ids[0]}/projects/{ids[1]}");
    }

    /// <summary>Checks the project's name and the request id, then applies the change to the project through the change pipeline.</summary>
    private Task<V1.Project> ApplyToProjectAsync(RequestValidator v, Google.Protobuf.IMessage request, string name, string? requestId,
        Action<Project> change, ServerCallContext context)
    {
        v.Name("name", name, "missions", "projects");
        v.RequestId("request_id", requestId);
        v.ThrowIfInvalid();

        return changes.RunAsync<V1.Project>(request, async ct =>
        {
            var project = await FindProjectAsync("name", name, ct);
            change(project);
            return project;
        }, Token(context));
    }

    /// <summary>The quick-impact rules a project must meet, named in each violation.</summary>
    private async Task CheckQuickImpactAsync(RequestValidator v, string missionId, ProjectDescription description, CancellationToken ct)
    {
        // An unknown currency is already reported on its own field; comparing it with the ceiling adds nothing.
        if (!description.QuickImpact || missionId.Length == 0 || !IsoCodes.Currencies.Contains(description.Currency))
        {
            return;
        }

        var rules = await db.QuickImpactRules.AsNoTracking().SingleOrDefaultAsync(r => r.MissionId == missionId, ct);
        if (rules is null)
        {
            throw new RuleViolationException(ErrorReason.QuickImpactRulesNotSet,
                $"missions/{missionId} has no quick-impact rules yet; set them (UpdateQuickImpactRules) before recording a quick-impact project.",
                [new MissingItem(ErrorReason.QuickImpactRules, $"missions/{missionId}/quickImpactRules", "budget ceiling and duration limit")]);
        }

        foreach (var violation in rules.ViolationsOf(description))
        {
            v.Add(violation.Field, violation.Description);
        }
    }
}
