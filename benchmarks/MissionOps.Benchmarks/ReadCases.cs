using MissionOps.Benchmarks.Bare;
using MissionOps.Liquidation.V1;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;
using static MissionOps.Benchmarks.Answers;

namespace MissionOps.Benchmarks;

/// <summary>
/// The reads, each through its service and through the bare server, spread over the rows
/// (worker and call number pick the row), every answer checked: the right resource, and a
/// field of it that the benchmark wrote.
/// </summary>
public sealed class ReadCases(ReadClients clients, BenchData data, ReadsData reads, int concurrency)
{
    public const int PageSize = 1000;

    public ReadCase GetSite() => Point("GetSite", "sites", data.SiteIds.ToArray(),
        async (channel, id) =>
        {
            var site = await new SitesService.SitesServiceClient(channel).GetSiteAsync(new GetSiteRequest { Name = $"{BenchData.Mission}/sites/{id}" });
            return (site.Name, site.DisplayName.En);
        },
        id => $"{id} camp");

    public ReadCase GetPerson() => Point("GetPerson", "personnel", data.People.Select(p => p.Id).ToArray(),
        async (channel, id) =>
        {
            var person = await new PersonnelService.PersonnelServiceClient(channel).GetPersonAsync(
                new GetPersonRequest { Name = $"{BenchData.Mission}/personnel/{id}" });
            return (person.Name, person.FullName);
        },
        id => data.People[int.Parse(id.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture)].FullName);

    public ReadCase GetProject() => Point("GetProject", "projects", reads.ProjectIds,
        async (channel, id) =>
        {
            var project = await new ProjectsService.ProjectsServiceClient(channel).GetProjectAsync(
                new GetProjectRequest { Name = $"{BenchData.Mission}/projects/{id}" });
            return (project.Name, project.Title.En);
        },
        ReadsData.ProjectTitle);

    public ReadCase GetAsset() => Point("GetAsset", "assets", reads.AssetIds,
        async (channel, id) =>
        {
            var asset = await new LiquidationService.LiquidationServiceClient(channel).GetAssetAsync(
                new GetAssetRequest { Name = $"{BenchData.Mission}/assets/{id}" });
            return (asset.Name, asset.InventoryNumber);
        },
        ReadsData.InventoryNumber);

    /// <summary>The mission's sites: one page, as many as there are sites.</summary>
    public ReadCase ListSites()
    {
        var expected = data.SiteIds.Order(StringComparer.Ordinal).ToArray();
        return new ReadCase("ListSites", "bare keyset sites",
            async (worker, _) =>
            {
                var page = await new SitesService.SitesServiceClient(clients.Service("sites", worker)).ListSitesAsync(
                    new ListSitesRequest { Parent = BenchData.Mission, PageSize = PageSize });
                CheckPage("ListSites", page.Sites.Select(s => IdOf(s.Name)).ToList(), expected, 0);
            },
            async (worker, _) =>
            {
                var page = await clients.Bare(worker).ListRowsAsync(
                    new ListRowsRequest { Table = "sites", MissionId = BenchData.MissionId, PageSize = PageSize });
                CheckPage("the bare sites list", page.Rows.Select(r => r.Id).ToList(), expected, 0);
            });
    }

    /// <summary>
    /// Every person of the mission, page after page: each worker walks the list from the first page
    /// to the last and starts again, each call reading the next page.
    /// </summary>
    public ReadCase ListPersonnel()
    {
        var expected = data.People.Select(p => p.Id).Order(StringComparer.Ordinal).ToArray();
        var tokens = new string[concurrency];
        var positions = new int[concurrency];
        var afters = new string[concurrency];
        var barePositions = new int[concurrency];
        return new ReadCase("ListPersonnel", "bare keyset people",
            async (worker, _) =>
            {
                var page = await new PersonnelService.PersonnelServiceClient(clients.Service("personnel", worker)).ListPersonnelAsync(
                    new ListPersonnelRequest { Parent = BenchData.Mission, PageSize = PageSize, PageToken = tokens[worker] ?? string.Empty });
                CheckPage("ListPersonnel", page.Personnel.Select(p => IdOf(p.Name)).ToList(), expected, positions[worker]);
                positions[worker] += page.Personnel.Count;
                tokens[worker] = page.NextPageToken;
                if (page.NextPageToken.Length == 0)
                {
                    Expect(positions[worker] == expected.Length, $"ListPersonnel ended after {positions[worker]} people, not {expected.Length}");
                    positions[worker] = 0;
                }
            },
            async (worker, _) =>
            {
                var page = await clients.Bare(worker).ListRowsAsync(new ListRowsRequest
                {
                    Table = "personnel", MissionId = BenchData.MissionId, PageSize = PageSize, After = afters[worker] ?? string.Empty,
                });
                var ids = page.Rows.Select(r => r.Id).ToList();
                CheckPage("the bare people list", ids, expected, barePositions[worker]);
                barePositions[worker] += ids.Count;
                afters[worker] = ids.Count > 0 ? ids[^1] : string.Empty;
                if (barePositions[worker] == expected.Length)
                {
                    barePositions[worker] = 0;
                    afters[worker] = string.Empty;
                }
            });
    }

    private ReadCase Point(
        string rpc, string table, string[] ids, Func<Grpc.Net.Client.GrpcChannel, string, Task<(string Name, string Field)>> read, Func<string, string> field)
    {
        var collection = rpc switch { "GetSite" => "sites", "GetPerson" => "personnel", "GetProject" => "projects", _ => "assets" };
        return new ReadCase(rpc, $"bare {table} row",
            async (worker, n) =>
            {
                var id = Pick(ids, worker, n);
                var (name, value) = await read(clients.Service(table, worker), id);
                Expect(name == $"{BenchData.Mission}/{collection}/{id}" && value == field(id), $"{rpc} of {id} answered {name}, {value}");
            },
            async (worker, n) =>
            {
                var id = Pick(ids, worker, n);
                var row = await clients.Bare(worker).GetRowAsync(new GetRowRequest { Table = table, MissionId = BenchData.MissionId, Id = id });
                Expect(row.Id == id && row.Columns.Any(c => c.Contains(field(id), StringComparison.Ordinal)), $"the bare server's {table} row {id} answered {row.Id}");
            });
    }

    /// <summary>Spreads the calls over the rows: each worker strides through them from its own start.</summary>
    private static string Pick(string[] ids, int worker, int n) => ids[(int)(((long)worker * 7919 + (long)n * 31) % ids.Length)];

    private static string IdOf(string name) => name[(name.LastIndexOf('/') + 1)..];

    private static void CheckPage(string what, List<string> ids, string[] expected, int from)
    {
        var count = Math.Min(PageSize, expected.Length - from);
        Expect(ids.Count == count && ids.SequenceEqual(expected.Skip(from).Take(count)),
            $"{what} from position {from} answered {ids.Count} rows ({string.Join(", ", ids.Take(3))}...), not the {count} expected");
    }
}
