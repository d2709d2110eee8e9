using System.Net;

namespace MissionOps.AppHost.Tests;

/// <summary>The dashboard's "API docs" link of each service opens its docs page, and the page's OpenAPI document answers beside it.</summary>
[Collection(SystemCollection.Name)]
public sealed class ApiDocsEndToEndTests(MissionOpsSystem system)
{
    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_dashboard_links_each_service_to_its_docs_page(string service)
    {
        var state = await system.StateOfACopyAsync(service);
        var link = Assert.Single(state.Snapshot.Urls, u => u.DisplayProperties.DisplayName == "API docs");
        using var browser = new HttpClient();

        using var page = await browser.GetAsync(link.Url);
        using var document = await browser.GetAsync(new Uri(new Uri(link.Url), "/openapi/v1.json"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"<title>MissionOps {char.ToUpperInvariant(service[0])}{service[1..]}</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal("application/json", document.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string> Services => [.. MissionOpsSystem.Services];
}
