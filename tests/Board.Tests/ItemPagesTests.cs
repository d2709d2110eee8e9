using MissionOps.Client;
using MissionOps.Liquidation.V1;
using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults.Contracts;

namespace MissionOps.Board.Tests;

/// <summary>The pages of what the readiness checklist and a site's page link to: projects, assets, liabilities and records.</summary>
[Collection(BoardCollection.Name)]
public sealed class ItemPagesTests(BoardApp app) : BoardTest(app.Browser)
{
    private const string Bridges = "missions/minusma/projects/rn15-bridges-sevare-bandiagara";

    [Fact]
    public async Task A_project_s_page_gives_its_status_its_money_its_place_and_its_handover_as_projects_records_them()
    {
        var project = await app.Administrator.Projects.GetProjectAsync(new GetProjectRequest { Name = Bridges });
        var page = await BoardPage.SignedInAsync(app, "viewer");
        await page.GotoAsync(app.Url("/" + Bridges));
        await page.Locator("[data-section=places]").WaitForAsync(new() { Timeout = 60_000 });

        Assert.Equal(project.Title.En, (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Equal("Closed", (await page.Locator("[data-figure=status] .board-figure-value").TextContentAsync())?.Trim());
        Assert.Contains("USD 480,000.00", await page.Locator("[data-figure=money]").TextContentAsync());
        Assert.Contains(string.Create(System.Globalization.CultureInfo.GetCultureInfo("en"), $"USD {project.Spent.MinorUnits / 100m:N2}"), await page.Locator("[data-figure=money]").TextContentAsync());
        var place = await page.Locator("[data-section=places] li").TextContentAsync();
        Assert.Contains("RN15: Sévaré – Bandiagara", place);
        Assert.Contains("14.44° N, 3.86° W", place);
        Assert.Contains(project.Handover.Recipient.En, await page.Locator("[data-section=handover]").TextContentAsync());
        Assert.Contains(project.Handover.Document.Reference, await page.Locator("[data-section=handover]").TextContentAsync());
    }

    [Fact]
    public async Task An_asset_s_page_gives_its_disposal_and_a_liability_s_owner_only_to_those_who_may_read_people()
    {
        var cases = await Pages.All(new ListDisposalCasesRequest { Parent = "missions/minusma" }, app.Administrator.Liquidation.ListDisposalCasesAsync,
            p => p.DisposalCases).ToListAsync();
        var disposed = cases.First(c => c.Record is not null);
        var asset = await app.Administrator.Liquidation.GetAssetAsync(new GetAssetRequest { Name = disposed.Asset });
        var liabilities = await app.Administrator.Liquidation.ListLiabilitiesAsync(new ListLiabilitiesRequest { Parent = "missions/minusma" });
        var liability = liabilities.Liabilities.First(l => l.Owner.Length > 0);

        var viewer = await BoardPage.SignedInAsync(app, "viewer");
        await viewer.GotoAsync(app.Url("/" + asset.Name));
        var disposal = viewer.Locator($"[data-case='{disposed.Name}']");
        await disposal.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("Disposed of", await disposal.TextContentAsync());
        Assert.Contains(disposed.Record.DisposalDate.ToDateOnly()!.Value.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en")),
            await disposal.TextContentAsync());
        Assert.Contains(asset.InventoryNumber, await viewer.Locator("h1").TextContentAsync());

        await viewer.GotoAsync(app.Url("/" + liability.Name));
        await viewer.Locator("[data-fact=owner]").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal("not shown to your role", (await viewer.Locator("[data-fact=owner]").TextContentAsync())?.Trim());
        Assert.DoesNotContain(liability.Owner, await viewer.Locator("main").TextContentAsync());

        var personnel = await BoardPage.SignedInAsync(app, "personnel");
        await personnel.GotoAsync(app.Url("/" + liability.Name));
        await personnel.Locator("[data-fact=owner]").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(liability.Owner, (await personnel.Locator("[data-fact=owner]").TextContentAsync())?.Trim());
    }
}
