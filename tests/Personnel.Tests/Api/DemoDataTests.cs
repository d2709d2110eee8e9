using MissionOps.Personnel.V1;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class DemoDataTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public async Task The_demo_mission_draws_down_as_the_note_to_correspondents_says()
    {
        await LoadDemoDataAsync();
        await LoadDemoDataAsync();

        var start = await Client.GetHeadcountAsync(HeadcountAt(Day(2023, 7, 1)));
        var closureDay = await Client.GetHeadcountAsync(HeadcountAt(Day(2023, 12, 8)));
        var sevareNextDay = await Client.GetSiteOccupancyAsync(new GetSiteOccupancyRequest { Site = Sevare, AsOfDate = Day(2023, 12, 9) });
        var newYear = await Client.GetHeadcountAsync(HeadcountAt(Day(2024, 1, 1)));
        var roster = await Client.ListResidualRosterEntriesAsync(new ListResidualRosterEntriesRequest { Parent = Minusma, PageSize = 1000 });
        var afterRetention = await Client.GetSiteOccupancyAsync(new GetSiteOccupancyRequest { Site = Headquarters, AsOfDate = Day(2024, 7, 1) });
        var gaoInTheLiquidation = await Client.GetSiteOccupancyAsync(new GetSiteOccupancyRequest { Site = Gao, AsOfDate = Day(2024, 3, 1) });

        Assert.InRange(start.Total, 13_700, 13_900);
        Assert.True(start.Total - closureDay.Total > 10_500, $"{start.Total - closureDay.Total} gone by 8 December 2023");
        Assert.Equal(0, sevareNextDay.RemainingCount);
        Assert.Equal(roster.ResidualRosterEntries.Count, newYear.Total);
        Assert.Equal((0, 0), (afterRetention.PresentCount, afterRetention.RemainingCount));
        // Gao and Bamako kept for the liquidation: the residual roster holds people at both until 30 June 2024.
        Assert.Equal([Headquarters, Gao], roster.ResidualRosterEntries.Select(e => e.Site).Distinct().Order(StringComparer.Ordinal));
        Assert.All(roster.ResidualRosterEntries, e => Assert.Equal(Day(2024, 6, 30), e.EndDate));
        Assert.Equal((roster.ResidualRosterEntries.Count(e => e.Site == Gao), 0),
            (gaoInTheLiquidation.PresentCount, gaoInTheLiquidation.RemainingCount));
        Assert.Contains(roster.ResidualRosterEntries, e => e.Group == ResidualGroup.GuardUnit);
        Assert.Contains(roster.ResidualRosterEntries, e => e.Group == ResidualGroup.LiquidationTeam);
        var guardUnit = await Client.GetUnitAsync(new GetUnitRequest { Name = $"{Minusma}/units/guard-unit" });
        Assert.Equal(UnitKind.Guard, guardUnit.Kind);
    }

    [Fact]
    public async Task Every_sites_occupancy_listed_in_one_call_is_what_each_sites_own_answer_says()
    {
        await LoadDemoDataAsync();
        var closureEve = Day(2023, 12, 7);
        // Paged by two: three or more sites show the second page starting where the first ended.

        var listed = await Client.ListSiteOccupanciesAsync(new ListSiteOccupanciesRequest { Parent = Minusma, AsOfDate = closureEve });
        var firstPage = await Client.ListSiteOccupanciesAsync(new ListSiteOccupanciesRequest { Parent = Minusma, AsOfDate = closureEve, PageSize = 2 });
        var secondPage = await Client.ListSiteOccupanciesAsync(new ListSiteOccupanciesRequest
        {
            Parent = Minusma, AsOfDate = closureEve, PageSize = 2, PageToken = firstPage.NextPageToken,
        });

        Assert.True(listed.SiteOccupancies.Count >= 3, $"{listed.SiteOccupancies.Count} sites occupied on 7 December 2023");
        Assert.Contains(listed.SiteOccupancies, o => o.Site == Sevare && o.RemainingCount > 0);
        foreach (var occupancy in listed.SiteOccupancies)
        {
            var own = await Client.GetSiteOccupancyAsync(new GetSiteOccupancyRequest { Site = occupancy.Site, AsOfDate = closureEve });
            Assert.Equal((own.PresentCount, own.ResidualCount, own.RemainingCount), (occupancy.PresentCount, occupancy.ResidualCount, occupancy.RemainingCount));
            Assert.Empty(occupancy.Remaining);
        }

        Assert.Equal(listed.SiteOccupancies.Take(4).Select(o => o.Site), firstPage.SiteOccupancies.Concat(secondPage.SiteOccupancies).Select(o => o.Site));
        var total = (await Client.GetHeadcountAsync(HeadcountAt(closureEve))).Total;
        Assert.Equal(total, listed.SiteOccupancies.Sum(o => o.PresentCount));
    }

    [Fact]
    public async Task The_demo_is_written_as_the_demo_loader_the_bulk_of_it_audited_as_one_manifest_import()
    {
        await LoadDemoDataAsync();
        await LoadDemoDataAsync();

        var import = Assert.Single((await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            Parent = Minusma, Resource = "missions/minusma/manifests/demo",
        })).AuditEntries);
        Assert.Equal(("demo-loader", "/missionops.personnel.v1.PersonnelService/ImportMovementManifest"), (import.Subject, import.Method));
        Assert.True(import.After.Unpack<ImportMovementManifestResponse>().MovementCount > 13_000);
        var entries = (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, PageSize = 1000 })).AuditEntries;
        Assert.Equal(210, entries.Count(e => e.Method.EndsWith("/CreateResidualRosterEntry", StringComparison.Ordinal)));
        Assert.Equal(5, entries.Count(e => e.Method.EndsWith("/CreateUnit", StringComparison.Ordinal)));
        Assert.All(entries, e => Assert.Equal("demo-loader", e.Subject));
    }
}
