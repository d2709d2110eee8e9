using MissionOps.Projects.Telemetry;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

/// <summary>What the dashboard's Projects gauges say of a mission: its projects by status and by the name of their sector, their budgets in dollars.</summary>
public sealed class MetricsTests(ProjectsApp app) : ProjectsApiTest(app)
{
    [Fact]
    public async Task The_gauge_counts_each_mission_s_projects_by_status_and_sector_name()
    {
        await Client.CreateProjectAsync(CreateSchool("school-sevare"));
        await Client.CreateProjectAsync(CreateSchool("school-mopti"));

        var gauges = await Gauges.ReadAsync(App.Service.Services, ProjectsMetrics.MeterName);

        var count = Assert.Single(gauges, g => g.Instrument == "missionops.projects.count");
        Assert.Equal((2d, "minusma", "Primary education", "11220"), (count.Value, count.Tag("mission"), count.Tag("sector"), count.Tag("sector_code")));
        // Two budgets of 45,000.00 dollars each, in dollars.
        var budget = Assert.Single(gauges, g => g.Instrument == "missionops.projects.budget");
        Assert.Equal((90_000d, "minusma", "USD"), (budget.Value, budget.Tag("mission"), budget.Tag("currency")));
    }
}
