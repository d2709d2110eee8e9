namespace MissionOps.Personnel.People;

/// <summary>Where a person is on a day: at a site, or repatriated once they have left the mission.</summary>
public sealed record PersonWhereabouts(string? CurrentSite, bool Repatriated)
{
    /// <summary>
    /// Where a person is on a day, from their last completed leg on or before it (null when they have none): its
    /// destination (none: they left), else the site they were assigned to, once that day has come.
    /// </summary>
    public static PersonWhereabouts On(DateOnly day, Person person, LastLeg? lastLeg) =>
        person.AssignmentDate > day ? new PersonWhereabouts(null, Repatriated: false)
        : lastLeg is not null ? new PersonWhereabouts(lastLeg.DestinationSite, Repatriated: lastLeg.DestinationSite is null)
        : new PersonWhereabouts(person.AssignedSite, Repatriated: false);
}

/// <summary>The destination of a person's last completed movement leg; null when it took them out of the mission.</summary>
public sealed record LastLeg(string? DestinationSite);

/// <summary>
/// A person as read with the destination of their last completed leg on a day, in one statement: null when they have
/// none, "" (which no site id is) when it took them out of the mission.
/// </summary>
public sealed record PersonWithLastLeg(Person Person, string? LastDestination)
{
    /// <summary>
    /// Each of the people read with their last completed leg on a day, in one statement: a read of a person answers
    /// where they are, and a second round trip for it cost GetPerson as much as the read itself. The destination is a
    /// scalar subquery, one probe into the legs' index per person; asked for as a row, EF Core joined a ranking of
    /// every completed leg of the mission instead (60 ms for one person among 22,000 legs).
    /// </summary>
    public static IQueryable<PersonWithLastLeg> On(DateOnly day, IQueryable<Person> people, IQueryable<Movements.MovementLeg> legs) =>
        people.Select(p => new PersonWithLastLeg(p, legs
            .Where(l => l.MissionId == p.MissionId && l.PersonId == p.Id && l.EffectiveDate <= day && l.State == V1.MovementState.Completed)
            .OrderByDescending(l => l.EffectiveDate).ThenByDescending(l => l.MovementId)
            .Select(l => l.DestinationSite ?? "")
            .FirstOrDefault()));

    /// <summary>The person as answered, where they are on the day their last leg was read for.</summary>
    public V1.Person ToProto(DateOnly day)
    {
        var lastLeg = LastDestination is null ? null : new LastLeg(LastDestination.Length == 0 ? null : LastDestination);
        var whereabouts = PersonWhereabouts.On(day, Person, lastLeg);
        return Person.ToProto(whereabouts.CurrentSite, whereabouts.Repatriated);
    }
}
