using System.Xml.Linq;
using MissionOps.Projects.DemoData;
using MissionOps.Projects.V1;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

public sealed class IatiExportTests(ProjectsApp app) : ProjectsApiTest(app)
{
    private static readonly XNamespace Xml = XNamespace.Xml;

    private async Task<XDocument> ExportAsync()
    {
        var export = await Client.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest { Parent = Minusma });
        var errors = IatiSchema.Errors(export.Xml.ToByteArray());
        Assert.True(errors.Count == 0, "The export does not validate against IATI 2.03:\n" + string.Join("\n", errors));
        var document = XDocument.Load(new MemoryStream(export.Xml.ToByteArray()));
        Assert.Equal(export.ActivityCount, document.Root!.Elements("iati-activity").Count());
        return document;
    }

    [Fact]
    public void The_schema_check_itself_catches_an_activity_out_of_order()
    {
        var broken = """
            <iati-activities version="2.03">
              <iati-activity>
                <title><narrative>Out of order</narrative></title>
                <iati-identifier>XX-TEST-1</iati-identifier>
              </iati-activity>
            </iati-activities>
            """;

        Assert.NotEmpty(IatiSchema.Errors(System.Text.Encoding.UTF8.GetBytes(broken)));
    }

    [Fact]
    public async Task The_export_of_MINUSMA_demo_projects_validates_against_the_IATI_schema()
    {
        await LoadDemoDataAsync();

        var document = await ExportAsync();

        Assert.Equal("2.03", document.Root!.Attribute("version")?.Value);
        var bridges = document.Root.Elements("iati-activity").Single(a => a.Element("iati-identifier")!.Value == "XX-DEMO-MINUSMA-TF-2021-007");
        Assert.Equal(MinusmaProjects.ReportingRef, bridges.Element("reporting-org")!.Attribute("ref")!.Value);
        Assert.Equal("4", bridges.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Equal("21020", bridges.Element("sector")!.Attribute("code")!.Value);
        Assert.Equal("Réhabilitation de ponts sur la RN15 entre Sévaré et Bandiagara",
            bridges.Element("title")!.Elements("narrative").Single(n => (string?)n.Attribute(Xml + "lang") == "fr").Value);
        Assert.Equal("480000.00", bridges.Element("budget")!.Element("value")!.Value);
        Assert.Contains(bridges.Elements("location"), l => l.Attribute("ref")!.Value == "RN15 Sévaré-Bandiagara");
    }

    [Fact]
    public async Task A_project_with_results_and_spend_exports_them()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 9)));
        await Client.RecordTransactionAsync(Spend("school-sevare", 2_500_050));
        await Client.RecordResultAsync(Result("school-sevare"));

        var activity = (await ExportAsync()).Root!.Element("iati-activity")!;

        Assert.Equal(new[] { "1", "2", "3" }, activity.Elements("activity-date").Select(d => d.Attribute("type")!.Value));
        Assert.Equal("25000.50", activity.Element("transaction")!.Element("value")!.Value);
        Assert.Equal("3", activity.Element("result")!.Element("indicator")!.Element("period")!.Element("actual")!.Attribute("value")!.Value);
        Assert.Equal("1.1", activity.Element("result")!.Element("indicator")!.Element("reference")!.Attribute("code")!.Value);
    }

    [Fact]
    public async Task An_actual_recorded_later_is_exported_in_its_period_with_the_refs_that_name_it()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 9)));
        var result = Result("school-sevare");
        result.Result.Ref = "OUT-1";
        result.Result.Indicators[0].Periods[0].ClearActual();
        await Client.RecordResultAsync(result);
        var actual = Actual("school-sevare", 2);
        actual.ResultRef = "OUT-1";
        actual.IndicatorRef = "OUT-1.1";
        await Client.RecordIndicatorActualAsync(actual);

        var exported = (await ExportAsync()).Root!.Element("iati-activity")!.Element("result")!;

        Assert.Equal(("99", "OUT-1"), ((string?)exported.Element("reference")!.Attribute("vocabulary"), (string?)exported.Element("reference")!.Attribute("code")));
        var indicator = exported.Element("indicator")!;
        Assert.Equal("OUT-1.1", indicator.Element("reference")!.Attribute("code")!.Value);
        Assert.Equal("2", indicator.Element("period")!.Element("actual")!.Attribute("value")!.Value);
    }

    [Fact]
    public async Task The_reporting_organisation_is_the_missions_own_and_no_caller_can_report_as_another()
    {
        await RpcAssert.InvalidArgument(() => Client.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest
        {
            Parent = Minusma, ReportingOrgRef = "XM-DAC-41301",
        }).ResponseAsync, "reporting_org_ref");

        await Client.CreateProjectAsync(CreateSchool());
        var same = await Client.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest { Parent = Minusma, ReportingOrgRef = MinusmaProjects.ReportingRef });
        Assert.Contains($"ref=\"{MinusmaProjects.ReportingRef}\"", same.Xml.ToStringUtf8());

        var missing = await RpcAssert.FailedPrecondition(
            () => Client.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest { Parent = "missions/unconfigured" }).ResponseAsync,
            "IATI_REPORTING_ORGANISATION_NOT_CONFIGURED");
        Assert.Equal("CONFIGURATION", Assert.Single(missing).Type);
    }
}
