using MissionOps.Personnel.V1;
using MissionOps.Testing;
using Xunit.Abstractions;

namespace MissionOps.Personnel.Tests.Api;

/// <summary>The bad-input corpus, generated from the contract and each change's audit-coverage scenario.</summary>
public sealed class BadInputTests(PersonnelApp app, ITestOutputHelper output) : PersonnelApiTest(app)
{
    [Fact]
    public Task Bad_requests_to_every_change_are_refused_and_store_nothing() =>
        BadInputCheck.RunAsync(App.Service, PersonnelService.Descriptor, "Personnel", new AuditCoverageTests(App).Scenarios, InitializeAsync, output);
}
