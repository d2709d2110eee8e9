using ResidualGroup = MissionOps.Personnel.V1.ResidualGroup;

namespace MissionOps.Personnel.Roster;

/// <summary>A person retained for the liquidation (the liquidation team or the guard unit); one entry per person.</summary>
public sealed class ResidualRosterEntry : Aggregate<ResidualRosterEntryEvent>, IAggregate, IHasEtag, ISoftDeletable
{
    private ResidualRosterEntry()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    /// <summary>The entry's id is the person's id: a person is retained once, and an entry is never moved to someone else.</summary>
    public string PersonId { get; private set; } = string.Empty;

    public ResidualGroup Group { get; private set; }

    public Text Role { get; private set; } = Text.Empty;

    public string Site { get; private set; } = string.Empty;

    public DateOnly EndDate { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset? DeleteTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/residualRosterEntries/{PersonId}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Retention is for one place and one time: the person is exempt from a site's headcount only
    /// at the entry's site and up to its end date; elsewhere or after it they count as remaining,
    /// and everywhere once the entry is deleted. <see cref="Headcount.HeadcountQueries"/> asks the same in SQL.
    /// </summary>
    public bool Exempts(string site, DateOnly day) => DeleteTime is null && site == Site && day <= EndDate;

    public static ResidualRosterEntry Create(string missionId, string personId, RetentionTerms terms, DateTimeOffset now) =>
        Raising(new ResidualRosterEntry { MissionId = missionId, PersonId = personId, CreateTime = now }.With(terms), ResidualRosterEntryEvent.Created);

    /// <summary>Corrects the retention: its group, role, site or end date; the person stays who they are.</summary>
    public void Correct(RetentionTerms terms)
    {
        this.EnsureNotDeleted();
        With(terms);
        Raise(ResidualRosterEntryEvent.Updated);
    }

    /// <summary>An entry recorded by mistake no longer retains the person: not in the residual team, exempt nowhere.</summary>
    public void Delete(DateTimeOffset now)
    {
        this.EnsureNotDeleted();
        DeleteTime = now;
        Raise(ResidualRosterEntryEvent.Deleted);
    }

    public void Undelete()
    {
        this.EnsureDeleted();
        DeleteTime = null;
        Raise(ResidualRosterEntryEvent.Undeleted);
    }

    private ResidualRosterEntry With(RetentionTerms terms)
    {
        (Group, Role, Site, EndDate) = (terms.Group, terms.Role, terms.Site, terms.EndDate);
        return this;
    }
}
