using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using Xunit.Abstractions;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>The bad-input corpus, generated from the contract and each change's audit-coverage scenario.</summary>
public sealed class BadInputTests(LiquidationApp app, ITestOutputHelper output) : LiquidationApiTest(app)
{
    [Fact]
    public Task Bad_requests_to_every_change_are_refused_and_store_nothing() =>
        BadInputCheck.RunAsync(App.Service, LiquidationService.Descriptor, "Liquidation", new AuditCoverageTests(App).Scenarios, InitializeAsync, output);
}
