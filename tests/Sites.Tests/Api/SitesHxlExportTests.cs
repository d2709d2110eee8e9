using Grpc.Core;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class SitesHxlExportTests(SitesApp app) : SitesApiTest(app)
{
    private async Task<HxlFile> ExportAsync(Google.Type.Date? asOf = null)
    {
        var export = await Client.ExportSitesHxlAsync(new ExportSitesHxlRequest { Parent = Minusma, AsOfDate = asOf });
        var file = HxlFile.Read(export.Csv);
        Assert.Equal(export.SiteCount, file.Rows.Count);
        return file;
    }

    [Fact]
    public async Task The_export_tags_every_column_with_HXL_hashtags_and_describes_each_demo_site()
    {
        await LoadDemoDataAsync();

        var file = await ExportAsync();

        Assert.Equal(
        [
            "#org+code", "#loc+code", "#loc+name+i_en", "#loc+name+i_fr", "#loc+type", "#country+code",
            "#adm1+code", "#adm1+name+i_en", "#adm1+name+i_fr", "#adm2+code", "#adm2+name+i_en", "#adm2+name+i_fr",
            "#meta+pcode_version", "#status+code", "#activity+code", "#date+start", "#date+end+planned", "#date+end+actual",
            "#date+handover", "#org+name+recipient+i_en", "#org+name+recipient+i_fr", "#loc+code+dest",
            "#status+left", "#meta+ref+board", "#geo+lat", "#geo+lon",
        ], file.Hashtags);
        Assert.Equal(["Mission", "Site", "Site name (EN)"], file.Headers.Take(3));
        Assert.Equal(["aguelhok", "bamako-hq", "bandiagara", "douentza", "gao", "kidal", "mopti-regional-office", "ogossagou", "sevare", "tessalit", "timbuktu"],
            file.Rows.Select(r => r["#loc+code"]));
        var sevare = file.Row("#loc+code", "sevare");
        Assert.Equal(("minusma", "Camp de Sévaré", "camp", "ML"), (sevare["#org+code"], sevare["#loc+name+i_fr"], sevare["#loc+type"], sevare["#country+code"]));
        Assert.Equal(("ML05", "Mopti", "ML0506", "2019"), (sevare["#adm1+code"], sevare["#adm1+name+i_fr"], sevare["#adm2+code"], sevare["#meta+pcode_version"]));
        Assert.Equal(("handed_over", "2023-12-08", "2023-12-08"), (sevare["#status+code"], sevare["#date+end+actual"], sevare["#date+handover"]));
        Assert.Equal("Gouvernorat de la région de Mopti", sevare["#org+name+recipient+i_fr"]);
        Assert.Equal(("14.53", "-4.1"), (sevare["#geo+lat"], sevare["#geo+lon"]));
        var ogossagou = file.Row("#loc+code", "ogossagou");
        Assert.Equal(("temporary_operating_base", "Bankass", "handed_over"), (ogossagou["#loc+type"], ogossagou["#adm2+name+i_en"], ogossagou["#status+code"]));
        var headquarters = file.Row("#loc+code", "bamako-hq");
        Assert.Equal(("operational", "", ""), (headquarters["#status+code"], headquarters["#activity+code"], headquarters["#date+end+planned"]));
    }

    [Fact]
    public async Task Sevare_on_9_December_2023_is_handed_over_and_earlier_days_show_what_it_had_reached()
    {
        await LoadDemoDataAsync();

        var dayAfter = (await ExportAsync(Day(2023, 12, 9))).Row("#loc+code", "sevare");
        var duringSteps = (await ExportAsync(Day(2023, 12, 1))).Row("#loc+code", "sevare");
        var inPhase = (await ExportAsync(Day(2023, 10, 1))).Row("#loc+code", "sevare");
        var beforePhase = (await ExportAsync(Day(2023, 8, 31))).Row("#loc+code", "sevare");

        Assert.Equal(("handed_over", "phase-2", "2023-12-08", "2023-12-08", "2023-12-08"), (dayAfter["#status+code"], dayAfter["#activity+code"],
            dayAfter["#date+end+planned"], dayAfter["#date+end+actual"], dayAfter["#date+handover"]));
        Assert.Equal("Governorate of the Mopti Region", dayAfter["#org+name+recipient+i_en"]);
        Assert.Equal(("closing", "2023-12-08", "", "", ""), (duringSteps["#status+code"], duringSteps["#date+end+planned"],
            duringSteps["#date+end+actual"], duringSteps["#date+handover"], duringSteps["#org+name+recipient+i_en"]));
        Assert.Equal(("closure_planned", "phase-2"), (inPhase["#status+code"], inPhase["#activity+code"]));
        Assert.Equal(("operational", "", ""), (beforePhase["#status+code"], beforePhase["#activity+code"], beforePhase["#date+end+planned"]));
    }

    [Fact]
    public async Task A_site_not_yet_open_on_the_day_is_left_out()
    {
        await LoadDemoDataAsync();

        var file = await ExportAsync(Day(2019, 12, 31));

        Assert.DoesNotContain(file.Rows, r => r["#loc+code"] == "ogossagou");
        Assert.Contains(file.Rows, r => r["#loc+code"] == "bandiagara");
        Assert.Empty((await ExportAsync(Day(2013, 6, 30))).Rows);
    }

    [Fact]
    public async Task A_name_with_a_comma_is_quoted_and_French_accents_are_kept()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var request = CreateSite("sevare");
        request.Site.DisplayName = Text("Sévaré camp, Mopti", "Camp de Sévaré, « Mopti »");
        request.Site.ReplacedBy = string.Empty;
        await Client.CreateSiteAsync(request);
        await Client.CreateSiteAsync(CreateSite("gao"));
        await Client.UpdateSiteAsync(new UpdateSiteRequest
        {
            Site = new V1.Site { Name = "missions/minusma/sites/sevare", ReplacedBy = "missions/minusma/sites/gao" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "replaced_by" } },
            RequestId = NewId(),
        });

        var csv = (await Client.ExportSitesHxlAsync(new ExportSitesHxlRequest { Parent = Minusma })).Csv;
        var sevare = HxlFile.Read(csv).Row("#loc+code", "sevare");

        Assert.Contains("\"Sévaré camp, Mopti\"", csv);
        Assert.EndsWith("\r\n", csv);
        Assert.Equal(("Sévaré camp, Mopti", "Camp de Sévaré, « Mopti »"), (sevare["#loc+name+i_en"], sevare["#loc+name+i_fr"]));
        Assert.Equal("gao", sevare["#loc+code+dest"]);
    }

    [Fact]
    public async Task A_malformed_parent_and_an_impossible_day_are_named()
    {
        await RpcAssert.InvalidArgument(() => Client.ExportSitesHxlAsync(new ExportSitesHxlRequest
        {
            Parent = "minusma",
            AsOfDate = new Google.Type.Date { Year = 2023, Month = 2, Day = 30 },
        }).ResponseAsync, "parent", "as_of_date");
        await RpcAssert.Fails(StatusCode.NotFound, () => Client.ExportSitesHxlAsync(new ExportSitesHxlRequest { Parent = "missions/unmiss" }).ResponseAsync);
    }
}
