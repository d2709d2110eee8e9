using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Common.V1;
using MissionOps.Liquidation.V1;
using MissionOps.Sites.V1;
using Microsoft.Playwright;
using MissionOps.Testing;
using static MissionOps.AppHost.Tests.Values;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// What people watching the system see in its dashboard, read through the dashboard's own telemetry API: a site's
/// closure is one trace across the four services, the disposal Liquidation opens from the Sites feed included.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class DashboardEndToEndTests(MissionOpsSystem system)
{
    private const string Mission = "missions/traced";
    private const string Ber = "missions/traced/sites/ber";

    /// <summary>Where the screenshots go: the README's under docs/images with MISSIONOPS_SCREENSHOTS=update, else a folder of the run.</summary>
    private static readonly bool Updating = Environment.GetEnvironmentVariable("MISSIONOPS_SCREENSHOTS") == "update";

    private static readonly string ScreenshotFolder = Updating
        ? Path.Combine(Repository.Root, "docs", "images")
        : Path.Combine(Path.GetTempPath(), "missionops-screenshots");

    [Fact]
    public async Task A_closure_is_one_trace_in_the_dashboard_from_Sites_to_the_disposal_Liquidation_opens()
    {
        var sites = new SitesService.SitesServiceClient(system.Channel("sites"));
        var liquidation = new LiquidationService.LiquidationServiceClient(system.Channel("liquidation"));
        await CreateMissionWithBerAsync(sites, liquidation);

        var traceId = await CloseBerInATraceAsync(sites, Ber);

        using var dashboard = new DashboardTelemetry(system.Dashboard, system.DashboardApiKey);
        // Each service sends its spans in its own batches: wait for the last of each, the handling's database writes included.
        var spans = await SpansWhenAsync(dashboard, traceId, WholeClosure);

        Assert.Equal(["liquidation", "personnel", "projects", "sites"], spans.Select(s => s.Service).Distinct().Order());
        var names = string.Join("\n", spans.Select(s => $"{s.Service}: {s.Name} {s.SpanId} under {s.ParentSpanId}"));
        var closure = Assert.Single(spans, s => s.Service == "sites" && s.Name.EndsWith("/RecordSiteClosure", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Service == "personnel" && s.Name.Contains("GetSiteOccupancy", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Service == "projects" && s.Name.Contains("ListOpenProjects", StringComparison.Ordinal));
        var handling = Assert.Single(spans, s => s.Name == "Liquidation handles SiteClosed");
        Assert.True(closure.SpanId == handling.ParentSpanId, names);
        Assert.Equal([closure.SpanId], handling.Links);
        // What the handling did is under it: the disposal case it opened was written in its trace.
        Assert.Contains(spans, s => s.Service == "liquidation" && s.ParentSpanId == handling.SpanId);
        var cases = await liquidation.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Mission });
        Assert.Equal($"{Mission}/assets/ber-generators", Assert.Single(cases.DisposalCases).Asset);
    }

    [Fact]
    public async Task A_browser_signed_in_to_the_dashboard_sees_the_resources_a_closure_s_trace_and_the_headcount()
    {
        var sites = new SitesService.SitesServiceClient(system.Channel("sites"));
        await CreateMissionWithBerAsync(sites, new LiquidationService.LiquidationServiceClient(system.Channel("liquidation")), "pictured");
        var traceId = await CloseBerInATraceAsync(sites, "missions/pictured/sites/ber");
        using (var dashboard = new DashboardTelemetry(system.Dashboard, system.DashboardApiKey))
        {
            Assert.True(WholeClosure(await SpansWhenAsync(dashboard, traceId, WholeClosure)), "The closure's trace did not reach the dashboard whole.");
        }

        await using var browser = await HeadlessChromium.LaunchAsync();
        var page = await browser.NewPageAsync(1600, 1000);
        Directory.CreateDirectory(ScreenshotFolder);

        await page.GotoAsync(system.Dashboard.ToString());
        foreach (var database in MissionOpsSystem.Services.Select(s => $"{s}db"))
        {
            await ShowsAsync(page, database, exact: true);
        }

        // Each copy of a service is a resource of its own, named after the service.
        foreach (var service in MissionOpsSystem.Services)
        {
            await ShowsAsync(page, $"{service}-");
        }

        await ScreenshotAsync(page, "dashboard-resources.png");

        await page.GotoAsync(new Uri(system.Dashboard, $"traces/detail/{traceId}").ToString());
        await ShowsAsync(page, "Liquidation handles SiteClosed");
        await ShowsAsync(page, "RecordSiteClosure");
        await ScreenshotAsync(page, "dashboard-closure-trace.png");

        if (Updating)
        {
            // For the README's picture: some weeks of MINUSMA's drawdown, replayed at eight days a minute.
            await Task.Delay(TimeSpan.FromMinutes(6));
        }

        await page.GotoAsync(new Uri(system.Dashboard,
            "metrics/resource/personnel?meter=MissionOps.Personnel&instrument=missionops.personnel.headcount&duration=15&view=Graph").ToString());
        await ShowsAsync(page, "missionops.personnel.headcount");
        // The chart draws a line per site and component once the gauge has been exported a few times.
        await page.Locator(".scatterlayer .trace").First.WaitForAsync(new() { Timeout = 90_000 });
        // Its dimensions, as the dashboard offers them to filter by: the mission first.
        await ShowsAsync(page, "minusma", exact: true);
        await ShowsAsync(page, "component", exact: true);
        await ScreenshotAsync(page, "dashboard-headcount.png");
    }

    /// <summary>Waits for the text on the page; if it never comes, says what the page showed instead, and keeps a picture of it.</summary>
    private static async Task ShowsAsync(IPage page, string text, bool exact = false)
    {
        try
        {
            await page.GetByText(text, new() { Exact = exact }).First.WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "failed.png") });
            var shown = await page.InnerTextAsync("body");
            Assert.Fail($"{page.Url} never showed \"{text}\"; it showed:\n{shown[..Math.Min(shown.Length, 3000)]}");
        }
    }

    private static async Task ScreenshotAsync(IPage page, string file)
    {
        // The banners a development machine shows (no trusted certificate, unsecured endpoints) say nothing about MissionOps.
        var dismiss = page.Locator(".dashboard-message-bar-dismiss");
        for (var shown = await dismiss.CountAsync(); shown > 0; shown--)
        {
            await dismiss.First.ClickAsync();
            await Assertions.Expect(dismiss).ToHaveCountAsync(shown - 1);
        }

        var path = Path.Combine(ScreenshotFolder, file);
        await page.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} is nearly empty");
    }

    [Fact]
    public async Task The_dashboard_prints_a_viewer_token_that_reads_sites_and_no_one_s_personal_data()
    {
        var sitesToken = await PrintViewerTokenAsync("sites");
        var personnelToken = await PrintViewerTokenAsync("personnel");

        using var sitesChannel = system.ChannelWith("sites", sitesToken);
        var sites = await new SitesService.SitesServiceClient(sitesChannel).ListSitesAsync(new ListSitesRequest { Parent = "missions/minusma" });
        Assert.Contains(sites.Sites, s => s.Name == "missions/minusma/sites/sevare");
        using var personnelChannel = system.ChannelWith("personnel", personnelToken);
        var personnel = new MissionOps.Personnel.V1.PersonnelService.PersonnelServiceClient(personnelChannel);
        var headcount = await personnel.GetHeadcountAsync(new MissionOps.Personnel.V1.GetHeadcountRequest { Parent = "missions/minusma", AsOfDate = Day(2023, 3, 31) });
        Assert.True(headcount.Total > 0);
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            personnel.ListPersonnelAsync(new MissionOps.Personnel.V1.ListPersonnelRequest { Parent = "missions/minusma" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        // Each token is for its own service only.
        using var wrongAudience = system.ChannelWith("personnel", sitesToken);
        var unauthenticated = await Assert.ThrowsAsync<RpcException>(() => new MissionOps.Personnel.V1.PersonnelService.PersonnelServiceClient(wrongAudience)
            .GetHeadcountAsync(new MissionOps.Personnel.V1.GetHeadcountRequest { Parent = "missions/minusma" }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task No_service_has_logged_an_error_in_the_dashboard()
    {
        using var dashboard = new DashboardTelemetry(system.Dashboard, system.DashboardApiKey);

        var errors = await dashboard.LatestLogsAsync(limit: 50, severity: "Error");

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Resource}: {e}")));
    }

    [Fact]
    public async Task The_dashboard_shows_each_service_s_database_running_on_the_local_server()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var database in new[] { "sitesdb", "personneldb", "projectsdb", "liquidationdb" })
        {
            var shown = await system.App.ResourceNotifications.WaitForResourceAsync(database, e => e.Snapshot.State?.Text == KnownResourceStates.Running,
                timeout.Token);

            Assert.Equal("PostgreSQL database", shown.Snapshot.ResourceType);
            Assert.Equal(KnownResourceStateStyles.Success, shown.Snapshot.State?.Style);
        }
    }

    [Fact]
    public async Task Open_readiness_shows_what_blocks_each_mission_as_Liquidation_answers_it()
    {
        var minusma = await new LiquidationService.LiquidationServiceClient(system.Channel("liquidation"))
            .GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = "missions/minusma" });
        var resource = system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "liquidation");

        var result = await system.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, "open-readiness");

        Assert.True(result.Success, result.Message);
        Assert.Equal(CommandResultFormat.Markdown, result.Data?.Format);
        var report = Assert.IsType<string>(result.Data?.Value);
        var section = report[report.IndexOf("(`missions/minusma`)", StringComparison.Ordinal)..];
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"| Sites not handed over | {minusma.Totals.SitesNotHandedOver:N0} |"), section, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"| People remaining | {minusma.Totals.PersonnelRemaining:N0} |"), section, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"| Assets not disposed of | {minusma.Totals.AssetsNotDisposed:N0} |"), section, StringComparison.Ordinal);
        Assert.Contains(minusma.Ready ? "**ready to close**" : string.Create(CultureInfo.InvariantCulture, $"**not ready, {minusma.BlockingItems.Count:N0} blockers**"), section, StringComparison.Ordinal);
        if (minusma.BlockingItems.FirstOrDefault() is { } first)
        {
            Assert.Contains($"- `{first.Resource}`: {first.Description}", section, StringComparison.Ordinal);
        }
    }

    /// <summary>The dashboard's "Print a viewer token" on a service, as a person would click it: the token it shows.</summary>
    private async Task<string> PrintViewerTokenAsync(string service)
    {
        var resource = system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == service);
        var result = await system.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, "print-viewer-token");
        Assert.True(result.Success, result.Message);
        return Assert.IsType<string>(result.Data?.Value);
    }

    /// <summary>
    /// Closes the mission's Ber camp in an emergency within a trace of the caller's, as a partner's traced client would send it:
    /// everything the closure causes must join it. Gives the trace's id.
    /// </summary>
    private static async Task<string> CloseBerInATraceAsync(SitesService.SitesServiceClient sites, string ber)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        await sites.RecordSiteClosureAsync(new RecordSiteClosureRequest
        {
            Name = ber,
            ClosureDate = Day(2023, 8, 13),
            RequestId = Id(),
            Emergency = new EmergencyClosure
            {
                Reason = Text("Withdrawal brought forward", "Retrait avancé"),
                ItemsLeftInPlace = { new ItemLeftInPlace { Description = Text("Perimeter wall", "Mur d'enceinte"), Disposition = InPlaceDisposition.Abandoned, Reason = Text("-", "-") } },
            },
        }, new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } });
        return traceId;
    }

    /// <summary>The closure's trace as the dashboard holds it once every service has sent its spans, the handling's database writes included.</summary>
    private static bool WholeClosure(IReadOnlyList<TraceSpan> spans) => spans.Select(span => span.Service).Distinct().Count() == 4
        && spans.Any(span => span.Service == "sites" && span.Name.EndsWith("/RecordSiteClosure", StringComparison.Ordinal))
        && spans.FirstOrDefault(span => span.Name == "Liquidation handles SiteClosed") is { } handled && spans.Any(span => span.ParentSpanId == handled.SpanId);

    /// <summary>Services send their spans in batches every few seconds: wait until the dashboard holds what the test reads.</summary>
    private static async Task<IReadOnlyList<TraceSpan>> SpansWhenAsync(DashboardTelemetry dashboard, string traceId, Func<IReadOnlyList<TraceSpan>, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var spans = await dashboard.TraceAsync(traceId);
            if (done(spans) || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                return spans;
            }

            await Task.Delay(500);
        }
    }

    private static async Task CreateMissionWithBerAsync(SitesService.SitesServiceClient sites, LiquidationService.LiquidationServiceClient liquidation,
        string missionId = "traced")
    {
        var mission = $"missions/{missionId}";
        await sites.CreateMissionAsync(new CreateMissionRequest
        {
            MissionId = missionId,
            RequestId = Id(),
            Mission = new Mission { DisplayName = Text($"MINUSMA, Timbuktu ({missionId} replay)", $"MINUSMA, Tombouctou (rejeu {missionId})"), HostCountryCode = "ML", MandateStartDate = Day(2013, 4, 25) },
        });
        await sites.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = mission,
            RequestId = Id(),
            Region = new Region
            {
                Pcode = "ML06",
                PcodeVersion = "2019",
                DisplayName = Text("Timbuktu", "Tombouctou"),
                Districts = { new District { Pcode = "ML0601", DisplayName = Text("Timbuktu", "Tombouctou") } },
            },
        });
        await sites.CreateSiteAsync(new CreateSiteRequest
        {
            Parent = mission,
            SiteId = "ber",
            RequestId = Id(),
            Site = new Site
            {
                DisplayName = Text("Ber camp", "Camp de Ber"),
                Kind = SiteKind.Camp,
                Location = new SiteLocation { RegionPcode = "ML06", DistrictPcode = "ML0601", PcodeVersion = "2019", Locality = "Ber" },
                OpeningDate = Day(2014, 3, 1),
            },
        });
        await liquidation.UpdateLiquidationPlanAsync(new UpdateLiquidationPlanRequest
        {
            RequestId = Id(),
            LiquidationPlan = new LiquidationPlan { Name = $"{mission}/liquidationPlan", StartDate = Day(2024, 1, 1), ApprovalThreshold = Usd(5_000_000) },
        });
        await liquidation.CreateAssetAsync(new CreateAssetRequest
        {
            Parent = mission,
            AssetId = "ber-generators",
            RequestId = Id(),
            Asset = new Asset
            {
                Description = Text("Generators", "Groupes électrogènes"), Ownership = Ownership.UnOwned, Category = AssetCategory.Generator, Site = $"{mission}/sites/ber",
                InventoryNumber = "BER-GEN", AcquisitionCost = Usd(7_500_000), DepreciatedValue = Usd(2_500_000),
            },
        });
    }

    private static Money Usd(long cents) => new() { CurrencyCode = "USD", MinorUnits = cents };
}
