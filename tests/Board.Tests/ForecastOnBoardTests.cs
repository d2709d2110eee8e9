using System.Globalization;
using Deque.AxeCore.Playwright;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Tests;

/// <summary>The forecast on the board: beside each open site on the timeline, on the figures, and with its critical path on a site's page.</summary>
[Collection(BoardCollection.Name)]
public sealed class ForecastOnBoardTests(BoardApp app) : BoardTest(app.Browser)
{
    private const string Timbuktu = "missions/minusma/sites/timbuktu";

    /// <summary>
    /// Liquidation's forecast on the planning day once it has read the demo from the feeds: the same answer twice two seconds
    /// apart (while it catches up with the feeds, each answer holds more movements), or after 3 min, to fail on what it says.
    /// </summary>
    private async Task<MissionForecast> SettledForecastAsync()
    {
        var request = new GetMissionForecastRequest { Mission = "missions/minusma", AsOfDate = BoardApp.PlanningDay.ToProto() };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        MissionForecast? last = null;
        while (true)
        {
            try
            {
                var forecast = await app.Administrator.Liquidation.GetMissionForecastAsync(request);
                if (forecast.Equals(last) || DateTime.UtcNow > deadline)
                {
                    return forecast;
                }

                last = forecast;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound && DateTime.UtcNow <= deadline)
            {
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static string English(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en"));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_timeline_sets_each_open_site_s_forecast_handover_beside_its_record_at_risk_sites_first()
    {
        var forecast = await SettledForecastAsync();
        var page = await BoardPage.SignedInAsync(app, "viewer");
        await BoardPage.ReadyAsync(page);

        var open = forecast.Sites.Where(s => !s.Done).ToList();
        Assert.Contains(open, s => s.Site == Timbuktu);
        foreach (var site in open)
        {
            var row = page.Locator($"[data-chart=timeline] g.site-row[data-site='{site.Site}']");
            // A site whose date is unknown (people another test hired with no movement out) has no marker, and is at risk.
            var handover = site.HandoverDate.ToDateOnly();
            Assert.Equal(handover is { } day ? Iso(day) : null, await row.GetAttributeAsync("data-forecast-handover"));
            Assert.Equal(handover is null ? 0 : 1, await row.Locator(".marker.forecast").CountAsync());
            Assert.Equal(site.AtRisk ? "true" : null, await row.GetAttributeAsync("data-at-risk"));
        }

        // Bamako's headquarters, where the residual team stays, is kept for the liquidation and says until when.
        var bamako = forecast.Sites.Single(s => s.Site == "missions/minusma/sites/bamako-hq");
        Assert.Equal("2024-06-30", await page.Locator("[data-chart=timeline] g.site-row[data-site='missions/minusma/sites/bamako-hq']").GetAttributeAsync("data-retained-until"));
        Assert.Contains($"kept for the liquidation until {English(new DateOnly(2024, 6, 30))}", (await BoardPage.Row(page, "timeline", "Mission headquarters, Bamako").Locator("td").AllTextContentsAsync())[5]);
        Assert.Equal(new DateOnly(2024, 6, 30), bamako.RetainedUntil.ToDateOnly());

        // A settled site has its record, and no forecast drawn.
        Assert.Equal(0, await page.Locator("[data-chart=timeline] g.site-row[data-site='missions/minusma/sites/sevare'] .marker.forecast").CountAsync());
        var timbuktu = forecast.Sites.Single(s => s.Site == Timbuktu);
        var cells = await BoardPage.Row(page, "timeline", "Timbuktu camp").Locator("td").AllTextContentsAsync();
        Assert.Equal((English(timbuktu.HandoverDate.ToDateOnly()!.Value), timbuktu.SlackDays.ToString(CultureInfo.InvariantCulture)), (cells[5], cells[6]));

        // The rows at risk come first in the table, as many as the forecast names.
        var flags = await page.Locator("table[data-table=timeline] tbody tr").EvaluateAllAsync<bool[]>("rows => rows.map(r => r.dataset.atRisk === 'true')");
        Assert.Equal(open.Count(s => s.AtRisk), flags.Count(f => f));
        Assert.Equal([.. flags.OrderByDescending(f => f)], flags);

        var figure = await page.Locator("[data-figure=forecast]").TextContentAsync();
        Assert.Contains(forecast.WithdrawalDate.ToDateOnly() is { } withdrawal ? English(withdrawal) : "unknown", figure);
        Assert.Contains(English(forecast.WithdrawalDeadline.ToDateOnly()!.Value), figure);
    }

    [Fact]
    public async Task A_site_s_page_shows_its_forecast_and_the_chain_that_sets_it_first_cause_first()
    {
        var timbuktu = (await SettledForecastAsync()).Sites.Single(s => s.Site == Timbuktu);
        var page = await BoardPage.SignedInAsync(app, "viewer");
        await page.GotoAsync(app.Url("/" + Timbuktu));
        await page.Locator("[data-section=forecast]").WaitForAsync(new() { Timeout = 60_000 });

        Assert.Equal(English(timbuktu.HandoverDate.ToDateOnly()!.Value), (await page.Locator("[data-forecast=handover]").TextContentAsync())?.Trim());
        Assert.Equal(English(timbuktu.ClosureDate.ToDateOnly()!.Value), (await page.Locator("[data-forecast=closure]").TextContentAsync())?.Trim());
        var steps = page.Locator("[data-forecast=critical-path] li");
        Assert.Equal(timbuktu.CriticalPath.Select(s => s.Kind.ToString()), await steps.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.stepKind)"));
        Assert.Equal(ForecastStepKind.SiteHandover, timbuktu.CriticalPath[^1].Kind);
        Assert.Contains("Site handover", await steps.Last.TextContentAsync());
        Assert.Contains(timbuktu.CriticalPath[0].Description, await steps.First.TextContentAsync());

        // In French, the chain is told in French: the host authorities read the same page.
        var french = await BoardPage.SignedInAsync(app, "viewer", language: "fr");
        await french.GotoAsync(app.Url("/" + Timbuktu));
        var frenchSteps = french.Locator("[data-forecast=critical-path] li");
        await frenchSteps.First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.All(timbuktu.CriticalPath, s => Assert.True(s.Text.En == s.Description && s.Text.Fr.Length > 0 && s.Text.Fr != s.Description, s.Text.Fr));
        Assert.Contains(timbuktu.CriticalPath[^1].Text.Fr, await frenchSteps.Last.TextContentAsync());
        Assert.Contains("Remise du site", await frenchSteps.Last.TextContentAsync());
    }

    [Fact]
    public async Task A_planner_tries_a_change_on_a_site_s_page_and_sees_the_forecast_beside_the_record_as_liquidation_makes_it()
    {
        var timbuktu = (await SettledForecastAsync()).Sites.Single(s => s.Site == Timbuktu);
        var step = timbuktu.CriticalPath.FirstOrDefault(s => s.Kind == ForecastStepKind.ClosureStep);
        Assert.True(step is not null, "Timbuktu's closure waits for a closure step on the planning day");
        var stepKind = ContractEnums.ValueOf<ClosureStepKind>(step.ClosureStep)!.Value;
        var later = timbuktu.ClosureDate.ToDateOnly()!.Value.AddDays(10);
        var expected = await app.Administrator.Liquidation.ForecastWhatIfAsync(new ForecastWhatIfRequest
        {
            Mission = "missions/minusma", AsOfDate = BoardApp.PlanningDay.ToProto(),
            Changes = { new PlanChange { PlanClosureStep = new() { Site = Timbuktu, ClosureStep = step.ClosureStep, Date = later.ToProto() } } },
        });
        var after = expected.WhatIf.Sites.Single(s => s.Site == Timbuktu);
        Assert.Equal(later, after.ClosureDate.ToDateOnly());

        var page = await BoardPage.SignedInAsync(app, "planner");
        await page.GotoAsync(app.Url("/" + Timbuktu));
        var form = page.Locator("form[data-form=what-if]");
        await form.WaitForAsync(new() { Timeout = 60_000 });
        await form.Locator("#what-if-kind").SelectOptionAsync("PlanClosureStep");
        await form.Locator("#what-if-step").SelectOptionAsync(stepKind.ToString());
        await form.Locator("#what-if-date").FillAsync(later.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.Locator("button[type=submit]").ClickAsync();

        var table = page.Locator("table[data-table=what-if]");
        await table.WaitForAsync(new() { Timeout = 30_000 });
        async Task<string[]> Cells(string row) => [.. (await table.Locator($"tr[data-row={row}] td").AllTextContentsAsync()).Select(c => c.Trim())];
        Assert.Equal([English(timbuktu.ClosureDate.ToDateOnly()!.Value), English(later)], await Cells("closure"));
        Assert.Equal([English(timbuktu.HandoverDate.ToDateOnly()!.Value), English(after.HandoverDate.ToDateOnly()!.Value)], await Cells("handover"));
        Assert.Equal([timbuktu.SlackDays.ToString(CultureInfo.InvariantCulture), after.SlackDays.ToString(CultureInfo.InvariantCulture)], await Cells("slack"));
        var withdrawal = await Cells("withdrawal");
        Assert.Equal(expected.WhatIf.WithdrawalDate.ToDateOnly() is { } day ? English(day) : "unknown", withdrawal[1]);
        Assert.Equal(after.CriticalPath.Select(s => s.Kind.ToString()),
            await page.Locator("[data-forecast=what-if-critical-path] li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.stepKind)"));
        Assert.Contains($"done on {English(later)}", await page.Locator("[data-what-if=plan] li").First.TextContentAsync());

        await BoardPage.ScreenshotAsync(page, "board-what-if", page.Locator("[data-section=what-if]"));

        // A movement added with no day: Liquidation refuses it, named by its field, and the plan tried so far stays as it was.
        await form.Locator("#what-if-kind").SelectOptionAsync("AddMovement");
        await form.Locator("#what-if-people").FillAsync("40");
        await form.Locator("#what-if-date").FillAsync(string.Empty);
        await form.Locator("button[type=submit]").ClickAsync();
        var refusal = form.Locator(".board-refusal");
        await refusal.WaitForAsync(new() { Timeout = 30_000 });
        var field = refusal.Locator("[data-field]").First;
        Assert.Equal("changes[1].add_movement.planned_date", await field.GetAttributeAsync("data-field"));
        Assert.Equal("#what-if-date", await field.Locator("a").GetAttributeAsync("href"));
        Assert.Equal(1, await page.Locator("[data-what-if=plan] li").CountAsync());
        Assert.Equal(English(later), (await Cells("closure"))[1]);

        // Nothing was recorded: Liquidation's forecast of the site is as it was.
        var again = await app.Administrator.Liquidation.GetMissionForecastAsync(new GetMissionForecastRequest { Mission = "missions/minusma", AsOfDate = BoardApp.PlanningDay.ToProto() });
        Assert.Equal(timbuktu, again.Sites.Single(s => s.Site == Timbuktu));
        BoardPage.AssertNoViolations(await page.RunAxe(), "Timbuktu's page with a what-if and a refusal");

        // Removed, the change leaves the record alone on the page again.
        await page.Locator("[data-what-if=plan] li button").First.ClickAsync();
        await table.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached, Timeout = 30_000 });
        Assert.Equal(0, await page.Locator("[data-what-if=plan]").CountAsync());
    }
}
