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

/// <summary>A person as read with their last completed leg on a day, in one statement.</summary>
public sealed record PersonWithLastLeg(Person Person, LastLeg? LastLeg)
{
    /// <summary>The person as answered, where they are on the day their last leg was read for.</summary>
    public V1.Person ToProto(DateOnly day)
    {
        var whereabouts = PersonWhereabouts.On(day, Person, LastLeg);
        return Person.ToProto(whereabouts.CurrentSite, whereabouts.Repatriated);
    }
}
