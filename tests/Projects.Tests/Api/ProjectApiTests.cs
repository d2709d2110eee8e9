using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MissionOps.Projects.V1;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

public sealed class ProjectApiTests(ProjectsApp app) : ProjectsApiTest(app)
{
    [Fact]
    public async Task A_new_project_is_in_the_pipeline_with_its_sector_named_from_the_IATI_code_list()
    {
        var created = await Client.CreateProjectAsync(CreateSchool());
        var read = await Client.GetProjectAsync(new GetProjectRequest { Name = ProjectName("school-sevare") });

        Assert.Equal(created, read);
        Assert.Equal(ActivityStatus.Pipeline, read.Status);
        Assert.Equal("Primary education", read.Sectors[0].DisplayName.En);
        Assert.Equal("Enseignement primaire", read.Sectors[0].DisplayName.Fr);
        Assert.Equal(Usd(0), read.Spent);
    }

    [Fact]
    public async Task Sectors_must_come_from_the_code_list_and_add_up_to_100()
    {
        var request = CreateSchool();
        request.Project.Sectors.Clear();
        request.Project.Sectors.Add(new Sector { Code = "11220", Percentage = 60 });
        request.Project.Sectors.Add(new Sector { Code = "99999", Percentage = 30 });
        request.Project.Sectors.Add(new Sector { Code = "12220", Percentage = 0.125 });

        var violations = await RpcAssert.InvalidArgument(() => Client.CreateProjectAsync(request).ResponseAsync,
            "project.sectors", "project.sectors[1].code", "project.sectors[2].percentage");

        Assert.Contains(violations, v => v.Field == "project.sectors" && v.Description.Contains("not 100"));
        Assert.Empty((await Client.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma })).Projects);
    }

    [Fact]
    public async Task A_quick_impact_project_over_the_ceiling_or_too_long_is_refused_with_the_rule_named()
    {
        var request = CreateSchool();
        request.Project.Budgets[0].Value = Usd(5_000_001);
        request.Project.Dates.PlannedEnd = Day(2023, 7, 15);
        request.Project.Budgets[0].PeriodEnd = Day(2023, 7, 15);

        var violations = await RpcAssert.InvalidArgument(() => Client.CreateProjectAsync(request).ResponseAsync,
            "project.budgets", "project.dates.planned_end");

        Assert.Contains(violations, v => v.Description.Contains("missions/minusma/quickImpactRules.budget_ceiling") && v.Description.Contains("USD 50000.00"));
        Assert.Contains(violations, v => v.Description.Contains("missions/minusma/quickImpactRules.max_duration_months"));
    }

    [Fact]
    public async Task The_same_budget_is_fine_outside_the_quick_impact_rules()
    {
        var request = CreateSchool();
        request.Project.QuickImpact = false;
        request.Project.Budgets[0].Value = Usd(9_000_000);

        var created = await Client.CreateProjectAsync(request);

        Assert.False(created.QuickImpact);
    }

    [Fact]
    public async Task Bad_codes_and_missing_French_are_named_and_nothing_is_stored()
    {
        var request = CreateSchool();
        request.Project.Title.Fr = string.Empty;
        request.Project.Kind = (ProjectKind)99;
        request.Project.Budgets[0].Value.CurrencyCode = "ZZZ";
        request.Project.ParticipatingOrganisations.RemoveAt(1);
        request.Project.Locations[0].Site = "missions/minusma/sites/gao";
        request.Project.IatiIdentifier = "no identifier";

        await RpcAssert.InvalidArgument(() => Client.CreateProjectAsync(request).ResponseAsync,
            "project.title.fr", "project.kind", "project.budgets[0].value.currency_code", "project.participating_organisations",
            "project.locations[0].site", "project.iati_identifier");
        Assert.Empty((await Client.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma })).Projects);
    }

    [Fact]
    public async Task A_currency_withdrawn_from_ISO_4217_is_refused_for_a_budget_and_a_ceiling()
    {
        // The bolívar fuerte (VEF) gave way to VES in 2018.
        var request = CreateSchool();
        foreach (var budget in request.Project.Budgets)
        {
            budget.Value.CurrencyCode = "VEF";
        }

        var rules = QuickImpactRules(5_000_000, 6);
        rules.QuickImpactRules.BudgetCeiling.CurrencyCode = "VEF";

        var violations = await RpcAssert.InvalidArgument(() => Client.CreateProjectAsync(request).ResponseAsync, "project.budgets[0].value.currency_code");
        await RpcAssert.InvalidArgument(() => Client.UpdateQuickImpactRulesAsync(rules).ResponseAsync, "quick_impact_rules.budget_ceiling.currency_code");

        Assert.Contains("'VEF'", violations[0].Description, StringComparison.Ordinal);
        Assert.Empty((await Client.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma })).Projects);
    }

    [Fact]
    public async Task A_retry_stores_once_and_an_id_is_taken_once()
    {
        var request = CreateSchool();
        var first = await Client.CreateProjectAsync(request);
        var retry = await Client.CreateProjectAsync(request);

        Assert.Equal(first, retry);
        await RpcAssert.Fails(StatusCode.AlreadyExists, () => Client.CreateProjectAsync(CreateSchool()).ResponseAsync);
        var sameIati = CreateSchool("other-school");
        sameIati.Project.IatiIdentifier = first.IatiIdentifier;
        await RpcAssert.InvalidArgument(() => Client.CreateProjectAsync(sameIati).ResponseAsync, "project.iati_identifier");
    }

    [Fact]
    public async Task Projects_list_by_status_kind_site_and_district()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.CreateProjectAsync(CreateBridges());
        await Client.StartProjectAsync(Start("rn15-bridges", Day(2021, 10, 5)));

        async Task<string[]> Ids(ListProjectsRequest request)
        {
            request.Parent = Minusma;
            return (await Client.ListProjectsAsync(request)).Projects.Select(p => p.Name.Split('/')[^1]).ToArray();
        }

        Assert.Equal(["rn15-bridges"], await Ids(new ListProjectsRequest { Status = ActivityStatus.Implementation }));
        Assert.Equal(["school-sevare"], await Ids(new ListProjectsRequest { Kind = ProjectKind.Education }));
        Assert.Equal(["school-sevare"], await Ids(new ListProjectsRequest { Site = Sevare }));
        Assert.Equal(["rn15-bridges"], await Ids(new ListProjectsRequest { DistrictPcode = "ML0501" }));
    }

    [Fact]
    public async Task An_update_rechecks_the_whole_project_and_a_stale_etag_is_aborted()
    {
        var created = await Client.CreateProjectAsync(CreateSchool());
        var change = created.Clone();
        change.Sectors.Clear();
        change.Sectors.Add(new Sector { Code = "11220", Percentage = 80 });
        change.Sectors.Add(new Sector { Code = "15170", Percentage = 20 });
        change.Title = Text("ignored", "ignoré");

        var updated = await Client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = change,
            UpdateMask = new FieldMask { Paths = { "sectors" } },
            Etag = created.Etag,
            RequestId = NewId(),
        });

        Assert.Equal(2, updated.Sectors.Count);
        Assert.Equal(created.Title, updated.Title);

        change.Budgets[0].Value = Usd(6_000_000);
        await RpcAssert.InvalidArgument(() => Client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = change,
            UpdateMask = new FieldMask { Paths = { "budgets" } },
            RequestId = NewId(),
        }).ResponseAsync, "project.budgets");
        await RpcAssert.Fails(StatusCode.Aborted, () => Client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = change,
            UpdateMask = new FieldMask { Paths = { "title" } },
            Etag = created.Etag,
            RequestId = NewId(),
        }).ResponseAsync);
        await RpcAssert.InvalidArgument(() => Client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = change,
            UpdateMask = new FieldMask { Paths = { "status" } },
            RequestId = NewId(),
        }).ResponseAsync, "update_mask");
    }

    [Fact]
    public async Task Quick_impact_rules_read_back_and_are_required_for_a_quick_impact_project()
    {
        var rules = await Client.GetQuickImpactRulesAsync(new GetQuickImpactRulesRequest { Name = $"{Minusma}/quickImpactRules" });
        Assert.Equal((Usd(5_000_000), 6), (rules.BudgetCeiling, rules.MaxDurationMonths));

        await App.Service.ResetDatabaseAsync();

        var missing = await RpcAssert.FailedPrecondition(() => Client.CreateProjectAsync(CreateSchool()).ResponseAsync, "QUICK_IMPACT_RULES_NOT_SET");
        Assert.Equal(("QUICK_IMPACT_RULES", $"{Minusma}/quickImpactRules"), (Assert.Single(missing).Type, missing[0].Subject));
        await RpcAssert.InvalidArgument(() => Client.UpdateQuickImpactRulesAsync(QuickImpactRules(0, 0)).ResponseAsync,
            "quick_impact_rules.budget_ceiling.minor_units", "quick_impact_rules.max_duration_months");
    }

    [Fact]
    public async Task Quick_impact_rules_changed_from_a_stale_read_are_refused_and_an_etag_for_rules_never_set_is_not_found()
    {
        var read = await Client.GetQuickImpactRulesAsync(new GetQuickImpactRulesRequest { Name = $"{Minusma}/quickImpactRules" });
        var first = QuickImpactRules(4_000_000, 4);
        first.QuickImpactRules.Etag = read.Etag;
        await Client.UpdateQuickImpactRulesAsync(first);

        var stale = QuickImpactRules(3_000_000, 3);
        stale.QuickImpactRules.Etag = read.Etag;
        await RpcAssert.Fails(StatusCode.Aborted, () => Client.UpdateQuickImpactRulesAsync(stale).ResponseAsync);

        await App.Service.ResetDatabaseAsync();
        await RpcAssert.Fails(StatusCode.NotFound, () => Client.UpdateQuickImpactRulesAsync(stale).ResponseAsync);
    }
}
