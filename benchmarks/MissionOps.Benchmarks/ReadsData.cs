using MissionOps.Common.V1;
using MissionOps.Liquidation.V1;
using MissionOps.Projects.V1;
using Date = Google.Type.Date;

namespace MissionOps.Benchmarks;

/// <summary>
/// What the reads benchmark reads besides the sites and people of <see cref="BenchData"/>: a
/// liquidation plan, and projects and assets spread over the sites, all created through the
/// services' APIs as a user would create them.
/// </summary>
public sealed class ReadsData
{
    private ReadsData(string[] projectIds, string[] assetIds)
    {
        ProjectIds = projectIds;
        AssetIds = assetIds;
    }

    public string[] ProjectIds { get; }

    public string[] AssetIds { get; }

    public static string ProjectTitle(string id) => $"Classrooms {id}";

    public static string InventoryNumber(string id) => id.ToUpperInvariant();

    public static async Task<ReadsData> CreateAsync(BenchHost host, BenchData data, int projects, int assets)
    {
        var projectIds = Enumerable.Range(1, projects).Select(n => $"school-{n:D3}").ToArray();
        var assetIds = Enumerable.Range(1, assets).Select(n => $"asset-{n:D3}").ToArray();
        var projectsClient = new ProjectsService.ProjectsServiceClient(host.Projects!.Channel);
        for (var i = 0; i < projectIds.Length; i++)
        {
            await projectsClient.CreateProjectAsync(School(projectIds[i], data.SiteNames[i % data.SiteNames.Length]));
        }

        var liquidation = new LiquidationService.LiquidationServiceClient(host.Liquidation!.Channel);
        await liquidation.UpdateLiquidationPlanAsync(new UpdateLiquidationPlanRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            LiquidationPlan = new LiquidationPlan
            {
                Name = $"{BenchData.Mission}/liquidationPlan",
                StartDate = Day(2024, 1, 1),
                ApprovalThreshold = Usd(5_000_000),
            },
        });
        for (var i = 0; i < assetIds.Length; i++)
        {
            await liquidation.CreateAssetAsync(Asset(assetIds[i], data.SiteNames[i % data.SiteNames.Length]));
        }

        return new ReadsData(projectIds, assetIds);
    }

    private static CreateProjectRequest School(string id, string site) => new()
    {
        Parent = BenchData.Mission,
        ProjectId = id,
        RequestId = Guid.NewGuid().ToString(),
        Project = new Project
        {
            IatiIdentifier = $"XX-BENCH-{id}",
            Title = Text(ProjectTitle(id), $"Salles de classe {id}"),
            Description = Text("Rehabilitation of a primary school", "Réhabilitation d'une école primaire"),
            Kind = ProjectKind.Education,
            Dates = new ActivityDates { PlannedStart = Day(2023, 1, 1), PlannedEnd = Day(2023, 5, 31) },
            ParticipatingOrganisations =
            {
                new ParticipatingOrganisation { Name = Text("Benchmark mission", "Mission de mesure"), Role = OrganisationRole.Funding },
                new ParticipatingOrganisation { Name = Text("GIE Bâtir Mopti", "GIE Bâtir Mopti"), Role = OrganisationRole.Implementing },
            },
            Sectors = { new Sector { Code = "11220", Percentage = 100 } },
            Locations = { new ProjectLocation { Site = site, RegionPcode = "ML05", PcodeVersion = "2019" } },
            Budgets = { new Budget { PeriodStart = Day(2023, 1, 1), PeriodEnd = Day(2023, 5, 31), Value = Usd(4_500_000) } },
            Beneficiaries = { new Beneficiaries { Group = BeneficiaryGroup.Children, Targeted = 400 } },
        },
    };

    private static CreateAssetRequest Asset(string id, string site) => new()
    {
        Parent = BenchData.Mission,
        AssetId = id,
        RequestId = Guid.NewGuid().ToString(),
        Asset = new Asset
        {
            Description = Text($"Asset {id}", $"Bien {id}"),
            Ownership = Ownership.UnOwned,
            Category = AssetCategory.Vehicle,
            Site = site,
            InventoryNumber = InventoryNumber(id),
            AcquisitionCost = Usd(3_000_000),
            DepreciatedValue = Usd(1_000_000),
        },
    };

    private static LocalizedText Text(string en, string fr) => new() { En = en, Fr = fr };

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static Money Usd(long cents) => new() { CurrencyCode = "USD", MinorUnits = cents };
}
