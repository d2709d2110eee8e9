using ArchiveState = MissionOps.Liquidation.V1.ArchiveState;

namespace MissionOps.Liquidation.Residual;

/// <summary>A body of the mission's records, to be archived before the final report.</summary>
public sealed class ArchiveRecord : Aggregate<ArchiveRecordEvent>, IAggregate, IHasEtag
{
    private ArchiveRecord()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    public Text Title { get; private set; } = Text.Empty;

    public string Owner { get; private set; } = string.Empty;

    public ArchiveState State { get; private set; }

    public DateOnly? ArchivedDate { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/archiveRecords/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ArchiveRecord Record(string missionId, string id, ArchiveRecordTerms terms) =>
        Raising(new ArchiveRecord { MissionId = missionId, Id = id, State = ArchiveState.ToArchive }.With(terms), ArchiveRecordEvent.Created);

    public void Archive(DateOnly day)
    {
        if (State == ArchiveState.Archived)
        {
            throw new RuleViolationException(ErrorReason.RecordsArchived, $"{Name} was already archived on {ArchivedDate:yyyy-MM-dd}.");
        }

        State = ArchiveState.Archived;
        ArchivedDate = day;
        Raise(ArchiveRecordEvent.Archived);
    }

    private ArchiveRecord With(ArchiveRecordTerms terms)
    {
        (Title, Owner) = (terms.Title, terms.Owner);
        return this;
    }
}
