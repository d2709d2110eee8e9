using MissionOps.Client;
using MissionOps.Liquidation.V1;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;
using static MissionOps.Benchmarks.Answers;
using static MissionOps.Benchmarks.DemoSample;

namespace MissionOps.Benchmarks;

/// <summary>
/// A partner that reads MINUSMA with a role of its own, each call the next of what that role may read, each
/// asking for another of the demo's resources: a viewer reads aggregates (sites, projects, assets, the headcount,
/// closure readiness), a personnel officer reads individuals (people, movements), an approver pages the audit logs.
/// </summary>
public sealed class PartnerReader(MissionOpsClient client, DemoSample demo, string role, int worker)
{
    /// <summary>The reader roles, in the order readers are given them: two viewers in four.</summary>
    public static readonly string[] Roles = ["viewer", "personnel", "viewer", "approver"];

    private const int PageSize = 50;

    private Func<int, PartnerCall>[]? _calls;

    public PartnerCall Next(int n)
    {
        _calls ??= CallsOf(role);
        return _calls[(n + worker) % _calls.Length](n * 7 + worker);
    }

    private Func<int, PartnerCall>[] CallsOf(string role) => role switch
    {
        "viewer" => [GetSite, ListSites, GetProject, ListProjects, GetAsset, ListAssets, GetHeadcount, GetClosureReadiness],
        "personnel" => [GetPerson, ListPersonnel, GetMovement, ListMovements, GetPerson, GetHeadcount],
        "approver" => [SitesAudit, PersonnelAudit, ProjectsAudit, LiquidationAudit, GetProject, GetClosureReadiness],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a reader's role"),
    };

    private PartnerCall GetSite(int i) => Get("Sites.GetSite", demo.Sites, i,
        async name => (await client.Sites.GetSiteAsync(new GetSiteRequest { Name = name })).Name);

    private PartnerCall ListSites(int i) => Page("Sites.ListSites", "sites",
        async () => (await client.Sites.ListSitesAsync(new ListSitesRequest { Parent = Minusma, PageSize = PageSize })).Sites.Select(r => r.Name));

    private PartnerCall GetPerson(int i) => Get("Personnel.GetPerson", demo.People, i,
        async name => (await client.Personnel.GetPersonAsync(new GetPersonRequest { Name = name })).Name);

    private PartnerCall ListPersonnel(int i) => Page("Personnel.ListPersonnel", "personnel",
        async () => (await client.Personnel.ListPersonnelAsync(new ListPersonnelRequest { Parent = Minusma, PageSize = PageSize })).Personnel.Select(r => r.Name));

    private PartnerCall GetMovement(int i) => Get("Personnel.GetMovement", demo.Movements, i,
        async name => (await client.Personnel.GetMovementAsync(new GetMovementRequest { Name = name })).Name);

    private PartnerCall ListMovements(int i) => Page("Personnel.ListMovements", "movements",
        async () => (await client.Personnel.ListMovementsAsync(new ListMovementsRequest { Parent = Minusma, PageSize = PageSize })).Movements.Select(r => r.Name));

    private PartnerCall GetHeadcount(int i) => new("Personnel.GetHeadcount", async () =>
    {
        var headcount = await client.Personnel.GetHeadcountAsync(new GetHeadcountRequest { Parent = Minusma, AsOfDate = HeadcountDate });
        Named(Minusma, headcount.Mission);
        Expect(headcount.Total == demo.HeadcountTotal, $"a headcount of {headcount.Total}, not the {demo.HeadcountTotal} of the start");
        Expect(headcount.Lines.Sum(l => l.Count) == headcount.Total, $"headcount lines adding up to {headcount.Lines.Sum(l => l.Count)}, not its total {headcount.Total}");
    });

    private PartnerCall GetProject(int i) => Get("Projects.GetProject", demo.Projects, i,
        async name => (await client.Projects.GetProjectAsync(new GetProjectRequest { Name = name })).Name);

    private PartnerCall ListProjects(int i) => Page("Projects.ListProjects", "projects",
        async () => (await client.Projects.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma, PageSize = PageSize })).Projects.Select(r => r.Name));

    private PartnerCall GetAsset(int i) => Get("Liquidation.GetAsset", demo.Assets, i,
        async name => (await client.Liquidation.GetAssetAsync(new GetAssetRequest { Name = name })).Name);

    private PartnerCall ListAssets(int i) => Page("Liquidation.ListAssets", "assets",
        async () => (await client.Liquidation.ListAssetsAsync(new ListAssetsRequest { Parent = Minusma, PageSize = PageSize })).Assets.Select(r => r.Name));

    private PartnerCall GetClosureReadiness(int i) => new("Liquidation.GetClosureReadiness", async () =>
    {
        var readiness = await client.Liquidation.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Minusma });
        Named(Minusma, readiness.Mission);
        Expect(readiness.Ready == (readiness.BlockingItems.Count == 0), $"ready {readiness.Ready} with {readiness.BlockingItems.Count} blocking items");
    });

    private PartnerCall SitesAudit(int i) => new("Sites.ListAuditEntries", async () => AuditPage(
        (await client.Sites.ListAuditEntriesAsync(new Sites.V1.ListAuditEntriesRequest { Parent = Minusma, PageSize = PageSize })).AuditEntries));

    private PartnerCall PersonnelAudit(int i) => new("Personnel.ListAuditEntries", async () => AuditPage(
        (await client.Personnel.ListAuditEntriesAsync(new Personnel.V1.ListAuditEntriesRequest { Parent = Minusma, PageSize = PageSize })).AuditEntries));

    private PartnerCall ProjectsAudit(int i) => new("Projects.ListAuditEntries", async () => AuditPage(
        (await client.Projects.ListAuditEntriesAsync(new Projects.V1.ListAuditEntriesRequest { Parent = Minusma, PageSize = PageSize })).AuditEntries));

    private PartnerCall LiquidationAudit(int i) => new("Liquidation.ListAuditEntries", async () => AuditPage(
        (await client.Liquidation.ListAuditEntriesAsync(new Liquidation.V1.ListAuditEntriesRequest { Parent = Minusma, PageSize = PageSize })).AuditEntries));

    private static PartnerCall Get(string operation, string[] names, int i, Func<string, Task<string>> get) => new(operation, async () =>
    {
        var name = Pick(names, i);
        Named(name, await get(name));
    });

    private static PartnerCall Page(string operation, string what, Func<Task<IEnumerable<string>>> list) =>
        new(operation, async () => PageUnder(Minusma, await list(), what));

    private static void AuditPage(IReadOnlyCollection<Common.V1.AuditEntry> entries)
    {
        Expect(entries.Count > 0, "an empty page of audit entries");
        var stray = entries.FirstOrDefault(e => !e.Resource.StartsWith(Minusma, StringComparison.Ordinal));
        Expect(stray is null, $"an audit entry of {stray?.Resource}, not of {Minusma}");
    }
}
