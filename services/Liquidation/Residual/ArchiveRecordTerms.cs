namespace MissionOps.Liquidation.Residual;

/// <summary>What is recorded of a body of records and may be corrected later, checked alike on create and update.</summary>
public sealed record ArchiveRecordTerms(Text Title, string Owner)
{
    public static ArchiveRecordTerms Of(RequestValidator v, V1.ArchiveRecord input) =>
        new(v.Bilingual("archive_record.title", input.Title), v.Required("archive_record.owner", input.Owner, 200));
}
