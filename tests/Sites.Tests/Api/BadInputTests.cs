using MissionOps.Sites.V1;
using MissionOps.Testing;
using Xunit.Abstractions;

namespace MissionOps.Sites.Tests.Api;

/// <summary>The bad-input corpus, generated from the contract and each change's audit-coverage scenario.</summary>
public sealed class BadInputTests(SitesApp app, ITestOutputHelper output) : SitesApiTest(app)
{
    [Fact]
    public Task Bad_requests_to_every_change_are_refused_and_store_nothing() =>
        BadInputCheck.RunAsync(App.Service, SitesService.Descriptor, "Sites", new AuditCoverageTests(App).Scenarios, InitializeAsync, output);
}
