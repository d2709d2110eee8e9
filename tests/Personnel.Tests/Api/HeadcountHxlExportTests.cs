using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Exports;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class HeadcountHxlExportTests(PersonnelApp app) : PersonnelApiTest(app)
{
    private async Task<(ExportHeadcountHxlResponse Export, HxlFile File)> ExportAsync(Google.Type.Date day)
    {
        var export = await Client.ExportHeadcountHxlAsync(new ExportHeadcountHxlRequest { Parent = Minusma, AsOfDate = day });
        var file = HxlFile.Read(export.Csv);
        Assert.Equal(export.LineCount, file.Rows.Count);
        Assert.Equal(export.Total, file.Rows.Sum(r => int.Parse(r["#population+num+personnel"], System.Globalization.CultureInfo.InvariantCulture)));
        return (export, file);
    }

    [Fact]
    public async Task The_export_counts_what_GetHeadcount_counts_on_the_same_day_line_by_line()
    {
        await LoadDemoDataAsync();

        foreach (var day in new[] { Day(2023, 7, 1), Day(2023, 12, 8), Day(2024, 1, 1) })
        {
            var headcount = await Client.GetHeadcountAsync(HeadcountAt(day));
            var (export, file) = await ExportAsync(day);

            Assert.Equal(headcount.Total, export.Total);
            Assert.Equal(
                headcount.Lines.Select(l => (l.Site.Split('/')[^1], HxlValues.Code(l.Component), HxlValues.Code(l.Category), l.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                file.Rows.Select(r => (r["#loc+code"], r["#x_component+code"], r["#x_category+code"], r["#population+num+personnel"])));
            Assert.All(file.Rows, r => Assert.Equal(($"{day.Year:D4}-{day.Month:D2}-{day.Day:D2}", "minusma", "false"), (r["#date"], r["#org+code"], r["#meta+forecast"])));
        }
    }

    [Fact]
    public async Task Each_line_carries_its_site_names_and_P_codes_from_Sites_and_a_site_Sites_does_not_know_keeps_its_id()
    {
        await LoadDemoDataAsync();

        var (_, file) = await ExportAsync(Day(2023, 7, 1));

        Assert.Equal(
        [
            "#org+code", "#date", "#meta+forecast", "#loc+code", "#loc+name+i_en", "#loc+name+i_fr", "#adm1+code", "#adm2+code",
            "#x_component+code", "#x_category+code", "#population+num+personnel",
        ], file.Hashtags);
        var sevare = file.Rows.First(r => r["#loc+code"] == "sevare");
        Assert.Equal(("Sévaré camp", "Camp de Sévaré", "ML05", "ML0506"), (sevare["#loc+name+i_en"], sevare["#loc+name+i_fr"], sevare["#adm1+code"], sevare["#adm2+code"]));
        var headquarters = file.Rows.First(r => r["#loc+code"] == "bamako-hq");
        Assert.Equal("Quartier général de la Mission, Bamako", headquarters["#loc+name+i_fr"]);
        // The test Sites service holds three of the demo sites only.
        var ogossagou = file.Rows.First(r => r["#loc+code"] == "ogossagou");
        Assert.Equal(("", ""), (ogossagou["#loc+name+i_en"], ogossagou["#adm1+code"]));
    }

    [Fact]
    public async Task A_name_with_a_comma_is_quoted_and_a_future_day_is_a_forecast()
    {
        await HireAsync("soldier", Headquarters);
        await Client.CreateMovementAsync(MovePerson("m1", "soldier", Headquarters, null, Day(2031, 3, 1)));

        var (beforePlan, beforeFile) = await ExportAsync(Day(2031, 2, 28));
        var (afterPlan, afterFile) = await ExportAsync(Day(2031, 3, 1));

        Assert.Contains("\"Mission headquarters, Bamako\"", beforePlan.Csv);
        Assert.Equal("Mission headquarters, Bamako", Assert.Single(beforeFile.Rows)["#loc+name+i_en"]);
        Assert.Equal((true, 1, "true"), (beforePlan.Forecast, beforePlan.Total, beforeFile.Rows[0]["#meta+forecast"]));
        Assert.Equal((true, 0), (afterPlan.Forecast, afterPlan.Total));
        Assert.Empty(afterFile.Rows);
    }

    [Fact]
    public async Task The_day_is_required_and_the_parent_must_be_a_mission()
    {
        await RpcAssert.InvalidArgument(() => Client.ExportHeadcountHxlAsync(new ExportHeadcountHxlRequest { Parent = "minusma" }).ResponseAsync,
            "parent", "as_of_date");
    }
}
