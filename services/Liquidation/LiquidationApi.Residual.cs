using MissionOps.Liquidation.Residual;
using MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation;

public sealed partial class LiquidationApi
{
    private static readonly HashSet<string> UpdatableLiabilityPaths = ["kind", "description", "owner", "estimated_cost"];

    private static readonly HashSet<string> UpdatableArchiveRecordPaths = ["title", "owner"];

    public override async Task<V1.Liability> CreateLiability(CreateLiabilityRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var id = v.ResourceId("liability_id", request.LiabilityId);
        var (missionId, input) = v.Create(request.Parent, request.RequestId, "liability", request.Liability);
        var terms = LiabilityTerms.Of(v, input);
        v.ThrowIfInvalid();

        return await changes.CreateAsync<V1.Liability>(request, Residual.Liability.Record(missionId, id, terms), Token(context));
    }

    public override async Task<V1.Liability> GetLiability(GetLiabilityRequest request, ServerCallContext context)
    {
        var ids = ResourceName.Parse("name", request.Name, "missions", "liabilities");
        return (await FindAnyAsync<Residual.Liability>(ids[0], ids[1], request.Name, Token(context))).ToProto();
    }

    public override async Task<ListLiabilitiesResponse> ListLiabilities(ListLiabilitiesRequest request, ServerCallContext context)
    {
        var missionId = ResourceName.Parse("parent", request.Parent, "missions")[0];
        var (liabilities, next) = await db.Liabilities.Shown(request.ShowDeleted).Where(l => l.MissionId == missionId)
            .PageAsync(request.PageSize, request.PageToken, l => l.Id, Token(context), SoftDeleteFilters.Fingerprint(request.ShowDeleted));
        return new ListLiabilitiesResponse { Liabilities = { liabilities.Select(l => l.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Liability> UpdateLiability(UpdateLiabilityRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (_, paths) = v.Update("liability", request.Liability, request.UpdateMask, request.RequestId, UpdatableLiabilityPaths, nameof(UpdateLiability));
        var terms = LiabilityTerms.Of(v, await MergedAsync<Residual.Liability, V1.Liability>(v, "liability", request.Liability!, request.Liability!.Name, paths,
            "liabilities", context));
        return await ChangeNamedAsync<Residual.Liability, V1.Liability>(v, request, request.Liability.Name, request.RequestId, "liabilities",
            liability => liability.Correct(terms), context);
    }

    public override Task<V1.Liability> DeleteLiability(DeleteLiabilityRequest request, ServerCallContext context) =>
        ChangeNamedAsync<Residual.Liability, V1.Liability>(new RequestValidator(), request, request.Name, request.RequestId, "liabilities",
            liability => liability.Delete(Now), context);

    public override Task<V1.Liability> UndeleteLiability(UndeleteLiabilityRequest request, ServerCallContext context) =>
        ChangeNamedAsync<Residual.Liability, V1.Liability>(new RequestValidator(), request, request.Name, request.RequestId, "liabilities",
            liability => liability.Undelete(), context);

    public override Task<V1.Liability> SettleLiability(SettleLiabilityRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var day = v.Date("settled_date", request.SettledDate);
        return ChangeNamedAsync<Residual.Liability, V1.Liability>(v, request, request.Name, request.RequestId, "liabilities",
            liability => liability.Settle(day), context);
    }

    public override async Task<V1.ArchiveRecord> CreateArchiveRecord(CreateArchiveRecordRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var id = v.ResourceId("archive_record_id", request.ArchiveRecordId);
        var (missionId, input) = v.Create(request.Parent, request.RequestId, "archive_record", request.ArchiveRecord);
        var terms = ArchiveRecordTerms.Of(v, input);
        v.ThrowIfInvalid();

        return await changes.CreateAsync<V1.ArchiveRecord>(request, Residual.ArchiveRecord.Record(missionId, id, terms), Token(context));
    }

    public override async Task<V1.ArchiveRecord> GetArchiveRecord(GetArchiveRecordRequest request, ServerCallContext context)
    {
        var ids = ResourceName.Parse("name", request.Name, "missions", "archiveRecords");
        return (await FindAnyAsync<Residual.ArchiveRecord>(ids[0], ids[1], request.Name, Token(context))).ToProto();
    }

    public override async Task<ListArchiveRecordsResponse> ListArchiveRecords(ListArchiveRecordsRequest request, ServerCallContext context)
    {
        var missionId = ResourceName.Parse("parent", request.Parent, "missions")[0];
        var (records, next) = await db.ArchiveRecords.Shown(request.ShowDeleted).Where(r => r.MissionId == missionId)
            .PageAsync(request.PageSize, request.PageToken, r => r.Id, Token(context), SoftDeleteFilters.Fingerprint(request.ShowDeleted));
        return new ListArchiveRecordsResponse { ArchiveRecords = { records.Select(r => r.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.ArchiveRecord> UpdateArchiveRecord(UpdateArchiveRecordRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (_, paths) = v.Update("archive_record", request.ArchiveRecord, request.UpdateMask, request.RequestId, UpdatableArchiveRecordPaths,
            nameof(UpdateArchiveRecord));
        var terms = ArchiveRecordTerms.Of(v, await MergedAsync<Residual.ArchiveRecord, V1.ArchiveRecord>(v, "archive_record", request.ArchiveRecord!,
            request.ArchiveRecord!.Name, paths, "archiveRecords", context));
        return await ChangeNamedAsync<Residual.ArchiveRecord, V1.ArchiveRecord>(v, request, request.ArchiveRecord.Name, request.RequestId, "archiveRecords",
            record => record.Correct(terms), context);
    }

    public override Task<V1.ArchiveRecord> DeleteArchiveRecord(DeleteArchiveRecordRequest request, ServerCallContext context) =>
        ChangeNamedAsync<Residual.ArchiveRecord, V1.ArchiveRecord>(new RequestValidator(), request, request.Name, request.RequestId, "archiveRecords",
            record => record.Delete(Now), context);

    public override Task<V1.ArchiveRecord> UndeleteArchiveRecord(UndeleteArchiveRecordRequest request, ServerCallContext context) =>
        ChangeNamedAsync<Residual.ArchiveRecord, V1.ArchiveRecord>(new RequestValidator(), request, request.Name, request.RequestId, "archiveRecords",
            record => record.Undelete(), context);

    public override Task<V1.ArchiveRecord> ArchiveRecords(ArchiveRecordsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var day = v.Date("archived_date", request.ArchivedDate);
        return ChangeNamedAsync<Residual.ArchiveRecord, V1.ArchiveRecord>(v, request, request.Name, request.RequestId, "archiveRecords",
            record => record.Archive(day), context);
    }
}
