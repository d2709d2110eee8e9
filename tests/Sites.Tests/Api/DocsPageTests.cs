using Google.Protobuf;
using Microsoft.Playwright;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>The Sites docs page in a real browser, as a partner without gRPC uses it: read the methods, paste a token, call one.</summary>
public sealed class DocsPageTests(SitesApp app) : SitesApiTest(app)
{
    private const string GetSiteSection = "[id='v1/tag/sitesservice/GET/v1/missions/{missionsId}/sites/{sitesId}']";

    [Fact]
    public async Task A_partner_reads_the_methods_and_gets_a_site_from_the_page_with_a_pasted_token()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        await using var browser = await HeadlessChromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        await OpenAsync(page);
        await page.GetByPlaceholder("Token").First.FillAsync(TestTokens.Administrator);
        var answer = await SendGetSiteAsync(page);

        Assert.Equal(200, answer.Status);
        Assert.Equal("missions/minusma/sites/sevare", JsonParser.Default.Parse<V1.Site>(await answer.TextAsync()).Name);
        await page.GetByText("200", new() { Exact = true }).First.WaitForAsync();
        Assert.Equal("MissionOps Sites", await page.TitleAsync());
        var origin = App.Service.HttpAddress.GetLeftPart(UriPartial.Authority);
        Assert.All(requested, url => Assert.True(url.StartsWith(origin, StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
    }

    [Fact]
    public async Task Without_a_token_the_page_s_call_is_refused_with_the_status_as_JSON()
    {
        await using var browser = await HeadlessChromium.LaunchAsync();
        var page = await browser.NewPageAsync();

        await OpenAsync(page);
        var answer = await SendGetSiteAsync(page);

        Assert.Equal(401, answer.Status);
        Assert.Contains("AUTHENTICATION_REQUIRED", await answer.TextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Opens the page without a token, as anyone may, and waits for the methods to be listed.</summary>
    private async Task OpenAsync(IPage page)
    {
        await page.GotoAsync(new Uri(App.Service.HttpAddress, "docs").ToString());
        await page.GetByText("GetSite", new() { Exact = true }).First.WaitForAsync();
    }

    /// <summary>Picks GetSite in the list, opens its request form, types Sévaré's name in and sends it, as a person does.</summary>
    private static async Task<IResponse> SendGetSiteAsync(IPage page)
    {
        await page.GetByText("GetSite", new() { Exact = true }).First.ClickAsync();
        await page.Locator(GetSiteSection).GetByRole(AriaRole.Button, new() { Name = "Test Request" }).First.ClickAsync();
        foreach (var (variable, value) in new[] { ("missionsId", "minusma"), ("sitesId", "sevare") })
        {
            await page.Locator($"tr#{variable} [contenteditable][data-placeholder='Value']").First.ClickAsync();
            await page.Keyboard.TypeAsync(value);
        }

        return await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Send" }).First.ClickAsync(),
            response => response.Url.EndsWith("/v1/missions/minusma/sites/sevare", StringComparison.Ordinal));
    }
}
