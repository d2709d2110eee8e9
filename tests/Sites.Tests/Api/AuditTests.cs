using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class AuditTests(SitesApp app) : SitesApiTest(app)
{
    private async Task<List<MissionOps.Common.V1.AuditEntry>> EntriesAsync(string? resource = null, string? method = null)
    {
        var page = await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            Parent = Minusma, PageSize = 1000, Resource = resource ?? string.Empty, Method = method ?? string.Empty,
        });
        return [.. page.AuditEntries];
    }

    [Fact]
    public async Task Each_change_writes_exactly_one_entry_with_who_what_and_before_and_after()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var created = await Client.CreateSiteAsync(CreateSite("sevare"));
        var rename = created.Clone();
        rename.DisplayName = Text("Camp Sévaré", "Camp de Sévaré");
        var update = new UpdateSiteRequest { Site = rename, UpdateMask = new FieldMask { Paths = { "display_name" } }, RequestId = NewId() };
        await Client.UpdateSiteAsync(update);
        await OpenAndCloseSiteAsync("sevare-2");

        var entries = await EntriesAsync();
        var updated = Assert.Single(await EntriesAsync(created.Name, "UpdateSite"));

        // 3 set-up changes, 2 for sevare, and for sevare-2: create, plan, 6 steps, closure.
        Assert.Equal(3 + 2 + 9, entries.Count);
        Assert.Equal(entries.Select(e => e.Sequence).OrderDescending(), entries.Select(e => e.Sequence));
        Assert.Equal(("test-user", update.RequestId, "/missionops.sites.v1.SitesService/UpdateSite"), (updated.Subject, updated.RequestId, updated.Method));
        Assert.Contains("*:administrator", updated.Roles);
        Assert.Equal("sevare site", updated.Before.Unpack<Site>().DisplayName.En);
        Assert.Equal("Camp Sévaré", updated.After.Unpack<Site>().DisplayName.En);
        Assert.Null(Assert.Single(entries, e => e.Method.EndsWith("/CreateMission", StringComparison.Ordinal)).Before);
    }

    [Fact]
    public async Task A_refused_change_or_a_retry_writes_no_entry()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var created = await Client.CreateSiteAsync(CreateSite("sevare"));
        var before = (await EntriesAsync()).Count;

        var stale = new UpdateSiteRequest { Site = created, UpdateMask = new FieldMask { Paths = { "display_name" } }, Etag = "0", RequestId = NewId() };
        await RpcAssert.Fails(StatusCode.Aborted, () => Client.UpdateSiteAsync(stale).ResponseAsync);
        await RpcAssert.FailedPrecondition(() => Client.RecordSiteHandoverAsync(HandoverRequest("sevare", Day(2023, 12, 8))).ResponseAsync, "SITE_NOT_CLOSED");
        var plan = Plan("sevare", Day(2023, 12, 8));
        await Client.PlanSiteClosureAsync(plan);
        await Client.PlanSiteClosureAsync(plan);

        Assert.Equal(before + 1, (await EntriesAsync()).Count);
    }

    [Fact]
    public async Task The_partner_tool_is_recorded_and_only_approvers_read_the_log()
    {
        await Client.CreateMissionAsync(CreateMission());
        await Client.CreateRegionAsync(CreateMopti());
        using var partner = App.Service.ChannelWith(TestTokens.Issuer.Issue("planner-1", ["missionops.sites"], ["minusma:planner"],
            TimeSpan.FromMinutes(5), partner: "drawdown-planner"));
        await new SitesService.SitesServiceClient(partner).CreateDrawdownPhaseAsync(CreatePhase2());

        var entry = Assert.Single(await EntriesAsync(method: "CreateDrawdownPhase"));
        Assert.Equal(("planner-1", "drawdown-planner"), (entry.Subject, entry.Partner));
        await RpcAssert.Fails(StatusCode.PermissionDenied,
            () => new SitesService.SitesServiceClient(partner).ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma }).ResponseAsync);
    }

    [Fact]
    public async Task An_entry_says_where_the_change_came_from_the_peer_the_program_and_the_trace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using (new Activity("partner tool").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            await Client.CreateMissionAsync(CreateMission());
        }

        var entry = Assert.Single(await EntriesAsync(method: "CreateMission"));

        Assert.StartsWith("ipv4:127.0.0.1:", entry.Peer, StringComparison.Ordinal);
        Assert.StartsWith("grpc-dotnet/", entry.UserAgent, StringComparison.Ordinal);
        Assert.Equal(traceId.ToHexString(), entry.TraceId);
    }
}
