using ArchiveState = MissionOps.Liquidation.V1.ArchiveState;

namespace MissionOps.Liquidation.Residual;

/// <summary>A body of the mission's records, to be archived before the final report.</summary>
public sealed class ArchiveRecord : Aggregate<ArchiveRecordEvent>, IAggregate, IHasEtag, ISoftDeletable
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

    public DateTimeOffset? DeleteTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/archiveRecords/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ArchiveRecord Record(string missionId, string id, ArchiveRecordTerms terms) =>
        Raising(new ArchiveRecord { MissionId = missionId, Id = id, State = ArchiveState.ToArchive }.With(terms), ArchiveRecordEvent.Created);

    /// <summary>Corrects what was recorded: what the records are and who owns them. Its state stays as it is.</summary>
    public void Correct(ArchiveRecordTerms terms)
    {
        this.EnsureNotDeleted();
        With(terms);
        Raise(ArchiveRecordEvent.Updated);
    }

    /// <summary>Records noted by mistake no longer count: not among what blocks the liquidation, nor in the report.</summary>
    public void Delete(DateTimeOffset now)
    {
        this.EnsureNotDeleted();
        DeleteTime = now;
        Raise(ArchiveRecordEvent.Deleted);
    }

    public void Undelete()
    {
        this.EnsureDeleted();
        DeleteTime = null;
        Raise(ArchiveRecordEvent.Undeleted);
    }

    public void Archive(DateOnly day)
    {
        this.EnsureNotDeleted();
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
