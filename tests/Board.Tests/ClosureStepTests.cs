using Deque.AxeCore.Playwright;
using MissionOps.Client;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Tests;

[Collection(BoardCollection.Name)]
public sealed class ClosureStepTests(BoardApp app) : BoardTest(app.Browser)
{
    [Fact]
    public async Task A_planner_records_a_step_on_the_site_page_and_a_viewer_s_open_page_shows_it_through_the_feed()
    {
        var site = await SiteWithPlannedClosureAsync();
        var viewer = await BoardPage.SignedInAsync(app, "viewer");
        await viewer.GotoAsync(app.Url("/" + site.Name));
        await viewer.Locator("[data-section=checklist]").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(0, await viewer.Locator("form[data-form=closure-step]").CountAsync());

        var planner = await BoardPage.SignedInAsync(app, "planner");
        await planner.GotoAsync(app.Url("/" + site.Name));
        var form = planner.Locator("form[data-form=closure-step]");
        await form.WaitForAsync(new() { Timeout = 60_000 });
        await planner.SelectOptionAsync("#step-kind", nameof(ClosureStepKind.HazardousWasteRemoved));
        await planner.FillAsync("#step-date", "2023-12-07");
        await planner.FillAsync("#step-performed-by", "Engineering section, Sector Centre");
        await planner.ClickAsync("form[data-form=closure-step] button[type=submit]");

        // The waste removal produces a document: Sites refuses the step without one, names the field, and stores nothing.
        await form.Locator("[role=alert] li[data-field='step.documents']").WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal("true", await planner.GetAttributeAsync("#doc-reference", "aria-invalid"));
        BoardPage.AssertNoViolations(await planner.RunAxe(), "the step form with a refusal");
        Assert.Empty((await app.Administrator.Sites.GetSiteAsync(new GetSiteRequest { Name = site.Name })).ClosureSteps);

        await planner.FillAsync("#doc-reference", "MINUSMA/ENG/WTR/2023/118");
        await planner.FillAsync("#doc-title-en", "Hazardous waste transfer record");
        await planner.FillAsync("#doc-title-fr", "Bordereau de transfert des déchets dangereux");
        await planner.FillAsync("#doc-signed-date", "2023-12-07");
        await planner.ClickAsync("form[data-form=closure-step] button[type=submit]");
        await form.Locator("[role=status]").WaitForAsync(new() { Timeout = 20_000 });

        var stored = await app.Administrator.Sites.GetSiteAsync(new GetSiteRequest { Name = site.Name });
        var step = Assert.Single(stored.ClosureSteps);
        Assert.Equal((ClosureStepKind.HazardousWasteRemoved, new DateOnly(2023, 12, 7), "Engineering section, Sector Centre", "MINUSMA/ENG/WTR/2023/118"),
            (step.Kind, step.CompletedDate.ToDateOnly()!.Value, step.PerformedBy, Assert.Single(step.Documents).Reference));
        Assert.Equal(SiteState.Closing, stored.State);
        Assert.Equal("true", await planner.GetAttributeAsync("[data-section=checklist] li[data-step=HazardousWasteRemoved]", "data-done"));

        // The viewer's page was drawn before the step: Sites' feed brings it there without a reload.
        var done = viewer.Locator("[data-section=checklist] li[data-step=HazardousWasteRemoved][data-done=true]");
        await done.WaitForAsync(new() { Timeout = 20_000 });
        Assert.Contains("Engineering section, Sector Centre", await done.TextContentAsync());
        Assert.Contains("MINUSMA/ENG/WTR/2023/118", await done.TextContentAsync());
        Assert.Equal(0, await planner.Locator("#step-kind option[value=HazardousWasteRemoved]").CountAsync());
    }

    private async Task<Site> SiteWithPlannedClosureAsync()
    {
        var sevare = await app.Administrator.Sites.GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/sevare" });
        var id = $"step-{Guid.NewGuid():N}"[..17];
        var site = await app.Administrator.Sites.CreateSiteAsync(new CreateSiteRequest
        {
            Parent = "missions/minusma", SiteId = id, RequestId = Guid.NewGuid().ToString(),
            Site = new Site
            {
                DisplayName = new Common.V1.LocalizedText { En = "Engineering yard", Fr = "Parc du génie" }, Kind = SiteKind.TeamSite,
                Location = sevare.Location, OpeningDate = new DateOnly(2023, 1, 1).ToProto(),
            },
        });
        return await app.Administrator.Sites.PlanSiteClosureAsync(new PlanSiteClosureRequest
        {
            Name = site.Name, DrawdownPhase = "missions/minusma/drawdownPhases/phase-2", PlannedClosureDate = new DateOnly(2023, 12, 20).ToProto(),
            RequestId = Guid.NewGuid().ToString(),
        });
    }
}
