using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class DrawdownTargetCorrectionApiTests(PersonnelApp app) : PersonnelApiTest(app)
{
    private static readonly TypeRegistry Events = TypeRegistry.FromFiles(EventsReflection.Descriptor);

    private Task<DrawdownTarget> GetAsync(string id) =>
        Client.GetDrawdownTargetAsync(new GetDrawdownTargetRequest { Name = TargetName(id) }).ResponseAsync;

    private async Task<BurnDown> BurnDownAsync() => await Client.GetBurnDownAsync(new GetBurnDownRequest { Parent = Minusma });

    [Fact]
    public async Task A_correction_changes_only_the_masked_fields_once_and_the_burn_down_with_them()
    {
        await HireAsync("soldier");
        var created = await Client.CreateDrawdownTargetAsync(Target(Component.Military));
        var change = created.Clone();
        change.MaxHeadcount = 1;
        change.Deadline = Day(2024, 3, 31);
        change.Component = Component.Police;
        var update = UpdateTarget(change, "max_headcount", "deadline");
        update.Etag = created.Etag;

        var corrected = await Client.UpdateDrawdownTargetAsync(update);
        var retried = await Client.UpdateDrawdownTargetAsync(update);

        Assert.Equal((1, Day(2024, 3, 31), Component.Military), (corrected.MaxHeadcount, corrected.Deadline, corrected.Component));
        Assert.NotEqual(created.Etag, corrected.Etag);
        Assert.Equal(corrected, retried);
        var point = Assert.Single((await BurnDownAsync()).Points);
        Assert.Equal((corrected, 1, true), (point.Target, point.Headcount, point.Met));
        var audit = (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, Resource = created.Name })).AuditEntries;
        Assert.Equal(new[] { "UpdateDrawdownTarget", "CreateDrawdownTarget" }, audit.Select(e => e.Method.Split('/')[^1]));
        Assert.Equal(0, audit[0].Before.Unpack<DrawdownTarget>().MaxHeadcount);
        Assert.Equal(corrected, await GetAsync("phase-2-military"));
    }

    [Fact]
    public async Task A_correction_is_checked_as_a_create_and_names_what_it_may_not_change()
    {
        var created = await Client.CreateDrawdownTargetAsync(Target(Component.Military));
        var change = created.Clone();
        change.DeleteTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch);

        await RpcAssert.InvalidArgument(() => Client.UpdateDrawdownTargetAsync(UpdateTarget(change, "delete_time", "etag")).ResponseAsync, "update_mask");
        change = created.Clone();
        change.MaxHeadcount = -1;
        change.Component = Component.Unspecified;
        change.DrawdownPhase = $"{Minusma}/drawdownPhases/phase-9";
        change.Deadline = null;
        await RpcAssert.InvalidArgument(
            () => Client.UpdateDrawdownTargetAsync(UpdateTarget(change, "max_headcount", "component", "drawdown_phase", "deadline")).ResponseAsync,
            "drawdown_target.max_headcount", "drawdown_target.component", "drawdown_target.drawdown_phase", "drawdown_target.deadline");
        var stale = UpdateTarget(created, "component");
        stale.Etag = "0";
        await RpcAssert.Fails(StatusCode.Aborted, () => Client.UpdateDrawdownTargetAsync(stale).ResponseAsync);

        Assert.Equal(created, await GetAsync("phase-2-military"));
    }

    [Fact]
    public async Task A_deleted_target_leaves_the_burn_down_and_is_kept_with_its_history()
    {
        var kept = await Client.CreateDrawdownTargetAsync(Target(Component.Civilian));
        var mistaken = await Client.CreateDrawdownTargetAsync(Target(Component.Military));
        var feedBefore = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), PersonnelService.Descriptor, Minusma);

        var deleted = await Client.DeleteDrawdownTargetAsync(new DeleteDrawdownTargetRequest { Name = mistaken.Name, Etag = mistaken.Etag, RequestId = NewId() });

        Assert.NotNull(deleted.DeleteTime);
        Assert.Equal([kept], (await BurnDownAsync()).Points.Select(p => p.Target));
        Assert.Equal([kept], (await Client.ListDrawdownTargetsAsync(new ListDrawdownTargetsRequest { Parent = Minusma })).DrawdownTargets);
        Assert.Equal([kept, deleted], (await Client.ListDrawdownTargetsAsync(new ListDrawdownTargetsRequest { Parent = Minusma, ShowDeleted = true })).DrawdownTargets);
        Assert.Equal(deleted, await GetAsync("phase-2-military"));
        await RpcAssert.FailedPrecondition(() => Client.UpdateDrawdownTargetAsync(UpdateTarget(deleted, "max_headcount")).ResponseAsync, "RESOURCE_DELETED");
        await RpcAssert.FailedPrecondition(
            () => Client.DeleteDrawdownTargetAsync(new DeleteDrawdownTargetRequest { Name = mistaken.Name, RequestId = NewId() }).ResponseAsync, "RESOURCE_DELETED");
        var recreated = await RpcAssert.Fails(StatusCode.AlreadyExists, () => Client.CreateDrawdownTargetAsync(Target(Component.Military)).ResponseAsync);
        Assert.Equal(("RESOURCE_ALREADY_EXISTS", true), (RpcAssert.Reason(recreated), recreated.Status.Detail.Contains("UndeleteDrawdownTarget")));

        var undeleted = await Client.UndeleteDrawdownTargetAsync(new UndeleteDrawdownTargetRequest { Name = mistaken.Name, Etag = deleted.Etag, RequestId = NewId() });

        Assert.Null(undeleted.DeleteTime);
        Assert.Equal([kept, undeleted], (await BurnDownAsync()).Points.Select(p => p.Target));
        var again = await RpcAssert.Fails(StatusCode.AlreadyExists,
            () => Client.UndeleteDrawdownTargetAsync(new UndeleteDrawdownTargetRequest { Name = mistaken.Name, RequestId = NewId() }).ResponseAsync);
        Assert.Equal("RESOURCE_NOT_DELETED", RpcAssert.Reason(again));
        var feed = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), PersonnelService.Descriptor, Minusma, feedBefore[^1].Sequence);
        Assert.Equal<Google.Protobuf.IMessage>([new DrawdownTargetDeleted { DrawdownTarget = deleted }, new DrawdownTargetUndeleted { DrawdownTarget = undeleted }],
            feed.Select(e => e.Payload.Unpack(Events)));
        var audit = (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, Resource = mistaken.Name })).AuditEntries;
        Assert.Equal(new[] { "UndeleteDrawdownTarget", "DeleteDrawdownTarget", "CreateDrawdownTarget" }, audit.Select(e => e.Method.Split('/')[^1]));
    }

    [Fact]
    public async Task A_page_token_holds_whether_deleted_targets_are_shown()
    {
        await Client.CreateDrawdownTargetAsync(Target(Component.Civilian));
        await Client.CreateDrawdownTargetAsync(Target(Component.Military));

        var first = await Client.ListDrawdownTargetsAsync(new ListDrawdownTargetsRequest { Parent = Minusma, PageSize = 1 });

        await RpcAssert.InvalidArgument(() => Client.ListDrawdownTargetsAsync(new ListDrawdownTargetsRequest
        {
            Parent = Minusma, PageSize = 1, PageToken = first.NextPageToken, ShowDeleted = true,
        }).ResponseAsync, "page_token");
    }

    [Fact]
    public async Task An_unknown_target_is_not_found()
    {
        await RpcAssert.Fails(StatusCode.NotFound, () => GetAsync("none"));
        await RpcAssert.Fails(StatusCode.NotFound,
            () => Client.UndeleteDrawdownTargetAsync(new UndeleteDrawdownTargetRequest { Name = TargetName("none"), RequestId = NewId() }).ResponseAsync);
    }
}
