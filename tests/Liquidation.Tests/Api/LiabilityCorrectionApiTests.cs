using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class LiabilityCorrectionApiTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task A_correction_changes_only_the_masked_fields_once_and_keeps_the_state()
    {
        var created = await Client.CreateLiabilityAsync(CreateLiability());
        await Client.SettleLiabilityAsync(Settle("sevare-land", Day(2024, 3, 1)));
        var update = new UpdateLiabilityRequest
        {
            Liability = new Liability { Name = created.Name, Owner = "Chief Engineer", EstimatedCost = Usd(3_100_000), Kind = LiabilityKind.Claim },
            UpdateMask = new FieldMask { Paths = { "owner", "estimated_cost" } },
            RequestId = NewId(),
        };

        var corrected = await Client.UpdateLiabilityAsync(update);
        var retried = await Client.UpdateLiabilityAsync(update);

        Assert.Equal(("Chief Engineer", 3_100_000L, LiabilityKind.LandRestoration, LiabilityState.Settled),
            (corrected.Owner, corrected.EstimatedCost.MinorUnits, corrected.Kind, corrected.State));
        Assert.Equal(corrected, retried);
        Assert.Equal(["UpdateLiability", "SettleLiability", "CreateLiability"], await AuditedAsync(created.Name));
        var audit = (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, Resource = created.Name })).AuditEntries;
        Assert.Equal("Environmental Officer", audit[0].Before.Unpack<Liability>().Owner);
        Assert.Equal(corrected, await Client.GetLiabilityAsync(new GetLiabilityRequest { Name = created.Name }));
    }

    [Fact]
    public async Task A_correction_is_checked_as_a_create_and_names_what_it_may_not_change()
    {
        var created = await Client.CreateLiabilityAsync(CreateLiability());

        await RpcAssert.InvalidArgument(() => Client.UpdateLiabilityAsync(new UpdateLiabilityRequest
        {
            Liability = new Liability { Name = created.Name, State = LiabilityState.Settled },
            UpdateMask = new FieldMask { Paths = { "state" } },
            RequestId = NewId(),
        }).ResponseAsync, "update_mask");
        await RpcAssert.InvalidArgument(() => Client.UpdateLiabilityAsync(new UpdateLiabilityRequest
        {
            Liability = new Liability { Name = created.Name, Owner = " " },
            UpdateMask = new FieldMask { Paths = { "owner", "kind" } },
            RequestId = NewId(),
        }).ResponseAsync, "liability.owner", "liability.kind");

        Assert.Equal(created, await Client.GetLiabilityAsync(new GetLiabilityRequest { Name = created.Name }));
    }

    [Fact]
    public async Task A_deleted_liability_stops_blocking_the_liquidation_and_is_kept_with_its_history()
    {
        var kept = await Client.CreateLiabilityAsync(CreateLiability("gao-claim"));
        var mistaken = await Client.CreateLiabilityAsync(CreateLiability());
        var feedBefore = await FeedPositionAsync();

        var deleted = await Client.DeleteLiabilityAsync(new DeleteLiabilityRequest { Name = mistaken.Name, Etag = mistaken.Etag, RequestId = NewId() });

        Assert.NotNull(deleted.DeleteTime);
        Assert.Equal(1, (await ReadinessAsync()).Totals.LiabilitiesOpen);
        Assert.Equal([kept.Name], (await Client.ListLiabilitiesAsync(new ListLiabilitiesRequest { Parent = Minusma })).Liabilities.Select(l => l.Name));
        Assert.Equal([kept, deleted], (await Client.ListLiabilitiesAsync(new ListLiabilitiesRequest { Parent = Minusma, ShowDeleted = true })).Liabilities);
        Assert.Equal(deleted, await Client.GetLiabilityAsync(new GetLiabilityRequest { Name = mistaken.Name }));
        await RpcAssert.FailedPrecondition(() => Client.SettleLiabilityAsync(Settle("sevare-land", Day(2024, 3, 1))).ResponseAsync, "RESOURCE_DELETED");
        var recreated = await RpcAssert.Fails(StatusCode.AlreadyExists, () => Client.CreateLiabilityAsync(CreateLiability()).ResponseAsync);
        Assert.Contains("UndeleteLiability", recreated.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailedPrecondition(() => Client.DeleteLiabilityAsync(new DeleteLiabilityRequest { Name = mistaken.Name, RequestId = NewId() }).ResponseAsync,
            "RESOURCE_DELETED");
        await RpcAssert.FailedPrecondition(() => Client.UpdateLiabilityAsync(new UpdateLiabilityRequest
        {
            Liability = new Liability { Name = mistaken.Name, Owner = "Someone" }, UpdateMask = new FieldMask { Paths = { "owner" } }, RequestId = NewId(),
        }).ResponseAsync, "RESOURCE_DELETED");

        var undeleted = await Client.UndeleteLiabilityAsync(new UndeleteLiabilityRequest { Name = mistaken.Name, RequestId = NewId() });

        Assert.Null(undeleted.DeleteTime);
        Assert.Equal(2, (await ReadinessAsync()).Totals.LiabilitiesOpen);
        var again = await RpcAssert.Fails(StatusCode.AlreadyExists,
            () => Client.UndeleteLiabilityAsync(new UndeleteLiabilityRequest { Name = mistaken.Name, RequestId = NewId() }).ResponseAsync);
        Assert.Equal("RESOURCE_NOT_DELETED", RpcAssert.Reason(again));
        Assert.Equal<Google.Protobuf.IMessage>([new LiabilityDeleted { Liability = deleted }, new LiabilityUndeleted { Liability = undeleted }],
            await EventsAfterAsync(feedBefore));
        // The read of the deleted one is audited too: its owner is personal.
        Assert.Equal(["UndeleteLiability", "GetLiability", "DeleteLiability", "CreateLiability"], await AuditedAsync(mistaken.Name));
    }

    [Fact]
    public async Task A_liability_unknown_or_of_another_mission_is_not_found()
    {
        await RpcAssert.Fails(StatusCode.NotFound,
            () => Client.GetLiabilityAsync(new GetLiabilityRequest { Name = $"{Minusma}/liabilities/none" }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.NotFound,
            () => Client.DeleteLiabilityAsync(new DeleteLiabilityRequest { Name = $"{Minusma}/liabilities/none", RequestId = NewId() }).ResponseAsync);
    }
}
