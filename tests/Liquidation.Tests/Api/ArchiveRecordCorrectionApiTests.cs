using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class ArchiveRecordCorrectionApiTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task A_correction_changes_only_the_masked_fields_once_and_keeps_the_state()
    {
        var created = await Client.CreateArchiveRecordAsync(CreateArchiveRecord());
        await Client.ArchiveRecordsAsync(Archive("sevare-files", Day(2024, 4, 1)));
        var update = new UpdateArchiveRecordRequest
        {
            ArchiveRecord = new ArchiveRecord { Name = created.Name, Owner = "Chief Archivist", Title = Text("Other", "Autre") },
            UpdateMask = new FieldMask { Paths = { "owner" } },
            RequestId = NewId(),
        };

        var corrected = await Client.UpdateArchiveRecordAsync(update);
        var retried = await Client.UpdateArchiveRecordAsync(update);

        Assert.Equal(("Chief Archivist", created.Title, ArchiveState.Archived), (corrected.Owner, corrected.Title, corrected.State));
        Assert.Equal(corrected, retried);
        Assert.Equal(["UpdateArchiveRecord", "ArchiveRecords", "CreateArchiveRecord"], await AuditedAsync(created.Name));
        var audit = (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, Resource = created.Name })).AuditEntries;
        Assert.Equal("Records Officer", audit[0].Before.Unpack<ArchiveRecord>().Owner);
        Assert.Equal(corrected, await Client.GetArchiveRecordAsync(new GetArchiveRecordRequest { Name = created.Name }));
    }

    [Fact]
    public async Task A_correction_is_checked_as_a_create_and_names_what_it_may_not_change()
    {
        var created = await Client.CreateArchiveRecordAsync(CreateArchiveRecord());

        await RpcAssert.InvalidArgument(() => Client.UpdateArchiveRecordAsync(new UpdateArchiveRecordRequest
        {
            ArchiveRecord = new ArchiveRecord { Name = created.Name, State = ArchiveState.Archived },
            UpdateMask = new FieldMask { Paths = { "state", "archived_date" } },
            RequestId = NewId(),
        }).ResponseAsync, "update_mask");
        await RpcAssert.InvalidArgument(() => Client.UpdateArchiveRecordAsync(new UpdateArchiveRecordRequest
        {
            ArchiveRecord = new ArchiveRecord { Name = created.Name, Owner = " ", Title = Text("Sévaré camp files", "") },
            UpdateMask = new FieldMask { Paths = { "owner", "title" } },
            RequestId = NewId(),
        }).ResponseAsync, "archive_record.owner", "archive_record.title.fr");

        Assert.Equal(created, await Client.GetArchiveRecordAsync(new GetArchiveRecordRequest { Name = created.Name }));
    }

    [Fact]
    public async Task A_deleted_record_stops_blocking_the_liquidation_and_is_kept_with_its_history()
    {
        var kept = await Client.CreateArchiveRecordAsync(CreateArchiveRecord("gao-files"));
        var mistaken = await Client.CreateArchiveRecordAsync(CreateArchiveRecord());
        var feedBefore = await FeedPositionAsync();

        var deleted = await Client.DeleteArchiveRecordAsync(new DeleteArchiveRecordRequest { Name = mistaken.Name, Etag = mistaken.Etag, RequestId = NewId() });

        Assert.NotNull(deleted.DeleteTime);
        Assert.Equal(1, (await ReadinessAsync()).Totals.RecordsToArchive);
        var report = await Client.GetLiquidationReportAsync(new GetLiquidationReportRequest { Mission = Minusma });
        Assert.Equal((1, 0), (report.Records.ToArchiveCount, report.Records.ArchivedCount));
        Assert.Equal([kept.Name], (await Client.ListArchiveRecordsAsync(new ListArchiveRecordsRequest { Parent = Minusma })).ArchiveRecords.Select(r => r.Name));
        Assert.Equal([kept, deleted],
            (await Client.ListArchiveRecordsAsync(new ListArchiveRecordsRequest { Parent = Minusma, ShowDeleted = true })).ArchiveRecords);
        Assert.Equal(deleted, await Client.GetArchiveRecordAsync(new GetArchiveRecordRequest { Name = mistaken.Name }));
        await RpcAssert.FailedPrecondition(() => Client.ArchiveRecordsAsync(Archive("sevare-files", Day(2024, 4, 1))).ResponseAsync, "RESOURCE_DELETED");
        await RpcAssert.FailedPrecondition(
            () => Client.DeleteArchiveRecordAsync(new DeleteArchiveRecordRequest { Name = mistaken.Name, RequestId = NewId() }).ResponseAsync, "RESOURCE_DELETED");
        await RpcAssert.FailedPrecondition(() => Client.UpdateArchiveRecordAsync(new UpdateArchiveRecordRequest
        {
            ArchiveRecord = new ArchiveRecord { Name = mistaken.Name, Owner = "Someone" }, UpdateMask = new FieldMask { Paths = { "owner" } }, RequestId = NewId(),
        }).ResponseAsync, "RESOURCE_DELETED");

        var undeleted = await Client.UndeleteArchiveRecordAsync(new UndeleteArchiveRecordRequest { Name = mistaken.Name, RequestId = NewId() });

        Assert.Null(undeleted.DeleteTime);
        Assert.Equal(2, (await ReadinessAsync()).Totals.RecordsToArchive);
        var again = await RpcAssert.Fails(StatusCode.AlreadyExists,
            () => Client.UndeleteArchiveRecordAsync(new UndeleteArchiveRecordRequest { Name = mistaken.Name, RequestId = NewId() }).ResponseAsync);
        Assert.Equal("RESOURCE_NOT_DELETED", RpcAssert.Reason(again));
        Assert.Equal<Google.Protobuf.IMessage>(
            [new ArchiveRecordDeleted { ArchiveRecord = deleted }, new ArchiveRecordUndeleted { ArchiveRecord = undeleted }], await EventsAfterAsync(feedBefore));
        // The read of the deleted one is audited too: its owner is personal.
        Assert.Equal(["UndeleteArchiveRecord", "GetArchiveRecord", "DeleteArchiveRecord", "CreateArchiveRecord"], await AuditedAsync(mistaken.Name));
    }

    [Fact]
    public async Task An_unknown_record_is_not_found()
    {
        await RpcAssert.Fails(StatusCode.NotFound,
            () => Client.GetArchiveRecordAsync(new GetArchiveRecordRequest { Name = $"{Minusma}/archiveRecords/none" }).ResponseAsync);
        await RpcAssert.Fails(StatusCode.NotFound,
            () => Client.UndeleteArchiveRecordAsync(new UndeleteArchiveRecordRequest { Name = $"{Minusma}/archiveRecords/none", RequestId = NewId() }).ResponseAsync);
    }
}
