using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using MissionOps.Projects.Data;
using MissionOps.Projects.Iati;
using MissionOps.Projects.Projects;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.ServiceDefaults.Events;
using MissionOps.ServiceDefaults.Idempotency;
using MissionOps.Sites.Client;

namespace MissionOps.Projects;

/// <summary>The gRPC endpoints: map the request, let the domain decide, map the answer. Split by feature.</summary>
public sealed partial class ProjectsApi(ProjectsDbContext db, TimeProvider clock, CodeLists codes, SitesDirectory sites, SiteRegions siteRegions, ProjectRegions regions, IatiReporting reporting)
    : V1.ProjectsService.ProjectsServiceBase
{
    private DateTimeOffset Now => clock.GetStorableUtcNow();

    private static CancellationToken Token(ServerCallContext context) => context.CancellationToken;

    private async Task<Project> FindProjectAsync(string field, string? name, CancellationToken ct)
    {
        var ids = ResourceName.Parse(field, name, "missions", "projects");
        return await db.Projects.SingleOrDefaultAsync(p => p.MissionId == ids[0] && p.Id == ids[1], ct)
            ?? throw new NotFoundException("missionops.un.org/Project", $"missions/{ids[0]}/projects/{ids[1]}");
    }

    /// <summary>Loads the project inside the idempotent transaction, checks its etag, applies the change, saves.</summary>
    private Task<V1.Project> ChangeProjectAsync(RequestValidator v, string name, string? etag, string? requestIdText, string method,
        Google.Protobuf.IMessage request, Action<Project> change, ServerCallContext context, string? eventType = null)
    {
        v.Name("name", name, "missions", "projects");
        var requestId = v.RequestId("request_id", requestIdText);
        v.ThrowIfInvalid();

        return IdempotentChange.RunAsync(db, requestId, method, request, async ct =>
        {
            var project = await FindProjectAsync("name", name, ct);
            project.EnsureEtag(etag);
            AuditScope.RecordBefore(project.ToProto(codes));
            change(project);
            await db.SaveChangesAsync(ct);
            var changed = project.ToProto(codes);
            if (eventType is not null)
            {
                await EventLog.RecordAsync(db, project.MissionId, eventType, project.Name, changed, Now, ct);
            }

            return changed;
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
            throw new RuleViolationException("QUICK_IMPACT_RULES_NOT_SET",
                $"missions/{missionId} has no quick-impact rules yet; set them (UpdateQuickImpactRules) before recording a quick-impact project.",
                [new MissingItem("QUICK_IMPACT_RULES", $"missions/{missionId}/quickImpactRules", "budget ceiling and duration limit")]);
        }

        foreach (var violation in rules.ViolationsOf(description))
        {
            v.Add(violation.Field, violation.Description);
        }
    }
}
