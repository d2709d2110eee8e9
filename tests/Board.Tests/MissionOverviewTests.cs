using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Tests;

[Collection(BoardCollection.Name)]
public sealed class MissionOverviewTests(BoardApp app) : BoardTest(app.Browser)
{
    [Fact]
    public async Task A_viewer_sees_every_site_on_the_timeline_with_the_days_the_sites_service_records()
    {
        var page = await BoardPage.SignedInAsync(app, "viewer");
        await BoardPage.ReadyAsync(page);
        await BoardPage.ScreenshotAsync(page, "board-overview");

        var timeline = await app.Administrator.Sites.GetDrawdownTimelineAsync(new GetDrawdownTimelineRequest { Mission = "missions/minusma" });
        var sites = timeline.Phases.SelectMany(p => p.Sites).Concat(timeline.UnphasedSites).ToList();
        Assert.Equal(sites.Count, await page.Locator("[data-chart=timeline] g.site-row").CountAsync());

        var sevare = sites.Single(s => s.Site == "missions/minusma/sites/sevare");
        var row = BoardPage.Row(page, "timeline", sevare.DisplayName.En);
        var cells = await row.Locator("td").AllTextContentsAsync();
        Assert.Equal(English(sevare.ClosingDate.ToDateOnly()!.Value), cells[3]);
        Assert.Equal(English(sevare.HandoverDate.ToDateOnly()!.Value), cells[4]);
        Assert.Equal("Handed over", cells[1]);

        // Sites left in haste in October 2023 are marked as emergency closures, in the drawing and in the table.
        var emergencies = sites.Where(s => s.EmergencyClosure).Select(s => s.Site).ToList();
        Assert.NotEmpty(emergencies);
        foreach (var site in emergencies)
        {
            Assert.Equal(1, await page.Locator($"g.site-row[data-site='{site}'] .marker.emergency").CountAsync());
        }
    }

    [Fact]
    public async Task The_headcount_on_the_planning_day_is_the_one_personnel_counts_for_that_day()
    {
        var page = await BoardPage.SignedInAsync(app, "viewer");
        await BoardPage.ReadyAsync(page);

        var headcount = await app.Administrator.Personnel.GetHeadcountAsync(new GetHeadcountRequest
        {
            Parent = "missions/minusma", AsOfDate = BoardApp.PlanningDay.ToProto(),
        });
        Assert.True(headcount.Total > 0);
        Assert.Equal(headcount.Total.ToString("N0", CultureInfo.GetCultureInfo("en")),
            (await page.Locator("[data-figure=headcount] .board-figure-value").TextContentAsync())?.Trim());
        Assert.Contains("9 Dec 2023", await page.Locator("[data-figure=planning-day]").TextContentAsync());

        // The curve: a recorded line up to the planning day, a planned one after it, and one mark per drawdown target.
        var burnDown = await app.Administrator.Personnel.GetBurnDownAsync(new GetBurnDownRequest { Parent = "missions/minusma" });
        Assert.Equal(burnDown.Points.Count, await page.Locator("[data-chart=headcount] path.target").CountAsync());
        Assert.NotEmpty(await page.Locator("[data-chart=headcount] polyline.total.recorded").GetAttributeAsync("points") ?? string.Empty);
        var planningDayRow = BoardPage.Row(page, "headcount", "9 Dec 2023");
        Assert.Equal(headcount.Total.ToString("N0", CultureInfo.GetCultureInfo("en")), (await planningDayRow.Locator("td").First.TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task In_french_the_board_speaks_french_with_french_dates_and_numbers()
    {
        var page = await BoardPage.SignedInAsync(app, "viewer", language: "fr");
        await BoardPage.ReadyAsync(page);
        await BoardPage.ScreenshotAsync(page, "board-overview-fr");

        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("Calendrier du retrait", await page.Locator("h2").AllTextContentsAsync());
        Assert.Contains("9 déc. 2023", await page.Locator("[data-figure=planning-day]").TextContentAsync());
        var sevare = BoardPage.Row(page, "timeline", "Camp de Sévaré");
        Assert.Equal("Remis", (await sevare.Locator("td").AllTextContentsAsync())[1]);

        var headcount = await app.Administrator.Personnel.GetHeadcountAsync(new GetHeadcountRequest
        {
            Parent = "missions/minusma", AsOfDate = BoardApp.PlanningDay.ToProto(),
        });
        Assert.Equal(headcount.Total.ToString("N0", CultureInfo.GetCultureInfo("fr")),
            (await page.Locator("[data-figure=headcount] .board-figure-value").TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task A_site_recorded_elsewhere_appears_on_the_open_page_without_a_reload()
    {
        var page = await BoardPage.SignedInAsync(app, "viewer");
        await BoardPage.ReadyAsync(page);
        var before = await page.Locator("[data-chart=timeline] g.site-row").CountAsync();
        var sevare = await app.Administrator.Sites.GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/sevare" });

        var id = $"live-{Guid.NewGuid():N}"[..17];
        await app.Administrator.Sites.CreateSiteAsync(new CreateSiteRequest
        {
            Parent = "missions/minusma", SiteId = id, RequestId = Guid.NewGuid().ToString(),
            Site = new Site
            {
                DisplayName = new Common.V1.LocalizedText { En = "Observation post", Fr = "Poste d'observation" }, Kind = SiteKind.TeamSite,
                Location = sevare.Location, OpeningDate = new DateOnly(2023, 1, 1).ToProto(),
            },
        });

        await page.Locator($"g.site-row[data-site='missions/minusma/sites/{id}']").WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal(before + 1, await page.Locator("[data-chart=timeline] g.site-row").CountAsync());
    }

    [Fact]
    public async Task A_person_recorded_elsewhere_moves_a_planner_s_headcount_without_a_reload()
    {
        var page = await BoardPage.SignedInAsync(app, "planner");
        await BoardPage.ReadyAsync(page);
        var figure = page.Locator("[data-figure=headcount] .board-figure-value");
        var before = await HeadcountAsync();
        Assert.Equal(before.ToString("N0", CultureInfo.GetCultureInfo("en")), (await figure.TextContentAsync())?.Trim());

        var id = $"live-{Guid.NewGuid():N}"[..17];
        await app.Administrator.Personnel.CreatePersonAsync(new CreatePersonRequest
        {
            Parent = "missions/minusma", PersonId = id, RequestId = Guid.NewGuid().ToString(),
            Person = new Person
            {
                IndexNumber = "MNS-" + id, FullName = "Mariam Coulibaly", Component = Component.Civilian, Category = Category.NationalCivilian,
                CountryCode = "ML", AssignedSite = "missions/minusma/sites/bamako-hq", AssignmentDate = new DateOnly(2023, 1, 15).ToProto(),
            },
        });

        var after = await HeadcountAsync();
        Assert.Equal(before + 1, after);
        await Microsoft.Playwright.Assertions.Expect(figure).ToHaveTextAsync(after.ToString("N0", CultureInfo.GetCultureInfo("en")), new() { Timeout = 20_000 });
    }

    private async Task<int> HeadcountAsync() =>
        (await app.Administrator.Personnel.GetHeadcountAsync(new GetHeadcountRequest { Parent = "missions/minusma", AsOfDate = BoardApp.PlanningDay.ToProto() })).Total;

    [Fact]
    public async Task Someone_signed_in_for_another_mission_is_refused_minusma_by_the_services_themselves()
    {
        var page = await BoardPage.SignedInAsync(app, "administrator", mission: "another-mission");
        await page.GotoAsync(app.Url("/missions/minusma"));
        await BoardPage.ReadyAsync(page);

        Assert.Contains("Your role does not allow this", await page.Locator("[role=alert]").TextContentAsync());
        Assert.Equal(0, await page.Locator("[data-chart]").CountAsync());
    }

    [Fact]
    public async Task Nobody_reaches_a_mission_without_signing_in()
    {
        var page = await app.Browser.NewPageAsync();
        await page.GotoAsync(app.Url("/missions/minusma"));

        await page.WaitForURLAsync("**/signin?returnUrl=*");
        Assert.Equal(0, await page.Locator("[data-chart]").CountAsync());
    }

    [Fact]
    public async Task Every_page_passes_the_accessibility_rules_in_both_languages()
    {
        foreach (var language in new[] { "en", "fr" })
        {
            var page = await BoardPage.SignedInAsync(app, "viewer", language: language);
            await BoardPage.ReadyAsync(page);
            await page.Locator("details.board-table").First.EvaluateAsync("d => d.open = true");
            BoardPage.AssertNoViolations(await page.RunAxe(), $"overview ({language})");

            await page.GotoAsync(app.Url("/missions/minusma/readiness"));
            await page.Locator(".board-readiness-summary").WaitForAsync(new() { Timeout = 60_000 });
            BoardPage.AssertNoViolations(await page.RunAxe(), $"readiness ({language})");

            await page.GotoAsync(app.Url("/missions/minusma/sites/sevare"));
            await page.Locator("[data-section=checklist]").WaitForAsync(new() { Timeout = 60_000 });
            BoardPage.AssertNoViolations(await page.RunAxe(), $"Sévaré's page ({language})");

            var signIn = await app.Browser.NewPageAsync();
            await signIn.GotoAsync(app.Url($"/culture?name={language}&returnUrl=/signin"));
            BoardPage.AssertNoViolations(await signIn.RunAxe(), $"sign-in ({language})");
        }
    }

    private static string English(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en"));
}
