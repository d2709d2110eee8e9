using ResidualGroup = MissionOps.Personnel.V1.ResidualGroup;

namespace MissionOps.Personnel.Roster;

/// <summary>A person retained for the liquidation (the liquidation team or the guard unit); one entry per person.</summary>
public sealed class ResidualRosterEntry : Aggregate<ResidualRosterEntryEvent>, IAggregate
{
    private ResidualRosterEntry()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    /// <summary>The entry's id is the person's id: a person is retained once.</summary>
    public string PersonId { get; private set; } = string.Empty;

    public ResidualGroup Group { get; private set; }

    public Text Role { get; private set; } = Text.Empty;

    public string Site { get; private set; } = string.Empty;

    public DateOnly EndDate { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public string Name => $"missions/{MissionId}/residualRosterEntries/{PersonId}";

    /// <summary>
    /// Retention is for one place and one time: the person is exempt from a site's headcount only
    /// at the entry's site and up to its end date; elsewhere or after it they count as remaining.
    /// <see cref="Headcount.HeadcountQueries"/> asks the same in SQL.
    /// </summary>
    public bool Exempts(string site, DateOnly day) => site == Site && day <= EndDate;

    public static ResidualRosterEntry Create(string missionId, string personId, ResidualGroup group, Text role, string site, DateOnly endDate,
        DateTimeOffset now) => Raising(new ResidualRosterEntry
    {
        MissionId = missionId,
        PersonId = personId,
        Group = group,
        Role = role,
        Site = site,
        EndDate = endDate,
        CreateTime = now,
    }, ResidualRosterEntryEvent.Created);
}
