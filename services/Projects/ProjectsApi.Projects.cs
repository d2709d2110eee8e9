using Google.Protobuf.WellKnownTypes;
using MissionOps.Projects.Projects;
using MissionOps.Projects.V1;

namespace MissionOps.Projects;

public sealed partial class ProjectsApi
{
    private static readonly HashSet<string> UpdatablePaths =
    [
        "title", "description", "target_groups", "quick_impact", "dates.planned_start", "dates.planned_end",
        "participating_organisations", "sectors", "locations", "budgets", "beneficiaries", "training",
    ];

    public override async Task<V1.Project> CreateProject(CreateProjectRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var projectId = v.ResourceId("project_id", request.ProjectId);
        var (missionId, input) = v.Create(request.Parent, request.RequestId, "project", request.Project);
        var (iati, kind, description, siteRefs) = ProjectInput.Parse(v, codes, input);
        await CheckSitesAsync(v, missionId, siteRefs, Token(context));
        await CheckQuickImpactAsync(v, missionId, description, Token(context));
        v.ThrowIfInvalid();

        var project = Projects.Project.Create(missionId, projectId, iati, kind, description, Now);
        // The etag is output only, and a project not yet created has none to check it against: the pipeline must not see it.
        input.Etag = string.Empty;
        return await changes.CreateAsync<V1.Project, Projects.Project>(request, [missionId, projectId], async ct =>
            await db.Projects.AnyAsync(p => p.MissionId == missionId && p.IatiIdentifier == iati, ct)
                ? throw new InvalidArgumentException("project.iati_identifier", $"{iati} is already the identifier of another project of missions/{missionId}")
                : project, Token(context));
    }

    public override async Task<V1.Project> GetProject(GetProjectRequest request, ServerCallContext context) =>
        (await regions.CheckVisibleAsync(await FindProjectAsync("name", request.Name, Token(context), tracked: false), Token(context))).ToProto(codes);

    public override async Task<ListProjectsResponse> ListProjects(ListProjectsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        var status = v.OptionalEnum("status", request.Status);
        var kind = v.OptionalEnum("kind", request.Kind);
        v.ThrowIfInvalid();

        var fingerprint = $"{status}|{kind}|{request.Site}|{request.DistrictPcode}";
        var page = PageRequest.Parse(request.PageSize, request.PageToken, fingerprint);
        var query = db.Projects.AsNoTracking().Where(p => p.MissionId == missionId);
        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        if (kind is { } k)
        {
            query = query.Where(p => p.Kind == k);
        }

        if (!string.IsNullOrEmpty(request.Site))
        {
            query = query.Where(p => p.Sites.Contains(request.Site));
        }

        if (!string.IsNullOrEmpty(request.DistrictPcode))
        {
            query = query.Where(p => p.Districts.Contains(request.DistrictPcode));
        }

        var projects = await query.PageAsync(page, p => p.Id, Token(context));
        // A caller limited to some regions gets their projects only: a page may then hold fewer than asked.
        var inScope = await regions.FilterAsync(missionId, Token(context)) ?? (_ => true);
        return new ListProjectsResponse
        {
            Projects = { projects.Where(inScope).Select(p => p.ToProto(codes)) },
            NextPageToken = page.NextToken(projects, p => p.Id, fingerprint),
        };
    }

    public override async Task<V1.Project> UpdateProject(UpdateProjectRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (_, paths) = v.Update("project", request.Project, request.UpdateMask, request.RequestId, UpdatablePaths, nameof(UpdateProject));
        var current = await FindProjectAsync("project.name", request.Project!.Name, Token(context));
        var merged = RequestValidator.Merged(current.ToProto(codes), request.Project, paths);
        var (_, _, description, siteRefs) = ProjectInput.Parse(v, codes, merged);
        await CheckSitesAsync(v, current.MissionId, siteRefs, Token(context));
        await CheckQuickImpactAsync(v, current.MissionId, description, Token(context));
        v.ThrowIfInvalid();

        return await ApplyToProjectAsync(v, request, request.Project.Name, request.RequestId, p => p.Describe(description, Now), context);
    }

    private Task CheckSitesAsync(RequestValidator v, string missionId, List<(string Field, string Site)> siteRefs, CancellationToken ct) =>
        siteRefs.Count == 0 || missionId.Length == 0 ? Task.CompletedTask : sites.CheckAsync(v, missionId, siteRefs, ct);
}
