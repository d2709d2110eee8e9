using MissionOps.Liquidation.V1;
using MissionOps.Sites.V1;
using WatchSiteEvents = MissionOps.Sites.V1.WatchEventsRequest;
using SiteAuditRequest = MissionOps.Sites.V1.ListAuditEntriesRequest;

namespace MissionOps.AppHost.Tests;

/// <summary>What the README shows a newcomer with the demo data: the feed, the audit, and a final report that can be issued.</summary>
[Collection(SystemCollection.Name)]
public sealed class DemoEndToEndTests(MissionOpsSystem system)
{
    private const string Example = "missions/example-closed";

    [Fact]
    public async Task The_example_missions_liquidation_is_complete_so_its_final_report_is_issued()
    {
        var liquidation = new LiquidationService.LiquidationServiceClient(system.Channel("liquidation"));

        var readiness = await liquidation.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Example });
        Assert.True(readiness.Ready, string.Join("; ", readiness.BlockingItems.Select(i => $"{i.Kind} {i.Resource}")));

        var issued = await liquidation.IssueFinalReportAsync(new IssueFinalReportRequest
        {
            Mission = Example,
            IssueDate = new Google.Type.Date { Year = 2023, Month = 9, Day = 29 },
            Signatory = new ReportSignatory { FullName = "Chief of Mission Support", Title = "Chief of Mission Support" },
            DocumentReference = "EXAMPLE/LIQ/2023/001",
            RequestId = Guid.NewGuid().ToString(),
        });

        Assert.Equal($"{Example}/finalReport", issued.Name);
        Assert.True(issued.Report.Readiness.Ready);
        var signed = await liquidation.GetFinalReportAsync(new GetFinalReportRequest { Name = $"{Example}/finalReport" });
        Assert.Equal("EXAMPLE/LIQ/2023/001", signed.DocumentReference);
    }

    [Fact]
    public async Task The_demo_is_on_the_Sites_feed_and_in_its_audit_log_as_the_demo_loader()
    {
        var sites = new SitesService.SitesServiceClient(system.Channel("sites"));

        var audit = await sites.ListAuditEntriesAsync(new SiteAuditRequest { Parent = "missions/minusma", Resource = "missions/minusma/sites/sevare" });
        Assert.Contains(audit.AuditEntries, e => e.Subject == "demo-loader" && e.Method.EndsWith("/RecordSiteHandover", StringComparison.Ordinal));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = sites.WatchEvents(new WatchSiteEvents { Parent = "missions/-" }, cancellationToken: timeout.Token);
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal(MissionOps.Sites.V1.MissionCreated.Descriptor.FullName, call.ResponseStream.Current.Type);
    }
}
