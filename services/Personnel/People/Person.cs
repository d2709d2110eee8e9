using Category = MissionOps.Personnel.V1.Category;
using Component = MissionOps.Personnel.V1.Component;

namespace MissionOps.Personnel.People;

/// <summary>
/// A member of the mission, from the day they arrived at their first site. Their first site and
/// that day are never changed: headcounts of every day start from them, and later sites come from
/// movements. Their index number is never changed either: other systems know them by it.
/// </summary>
public sealed class Person : Aggregate<PersonEvent>, IAggregate, IHasEtag
{
    private Person()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    public string IndexNumber { get; private set; } = string.Empty;

    public string FullName { get; private set; } = string.Empty;

    public Component Component { get; private set; }

    public Category Category { get; private set; }

    public string CountryCode { get; private set; } = string.Empty;

    public string? UnitId { get; private set; }

    /// <summary>The Sites resource name of the first site (<c>missions/minusma/sites/sevare</c>).</summary>
    public string AssignedSite { get; private set; } = string.Empty;

    public DateOnly AssignmentDate { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Where the person was on the day of the change, as their movements place them; not stored, movements say it.</summary>
    public PersonWhereabouts? Whereabouts { get; private set; }

    public string Name => $"missions/{MissionId}/personnel/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Person Create(string missionId, string id, string indexNumber, PersonDescription description, string assignedSite,
        DateOnly assignmentDate, DateTimeOffset now)
    {
        var person = new Person
        {
            MissionId = missionId,
            Id = id,
            IndexNumber = indexNumber,
            AssignedSite = assignedSite,
            AssignmentDate = assignmentDate,
            CreateTime = now,
        };
        person.Describe(description);
        return Raising(person, PersonEvent.Created);
    }

    /// <summary>Corrects what the record says of the person; where they are is not part of it.</summary>
    public void Correct(PersonDescription description)
    {
        Describe(description);
        Raise(PersonEvent.Updated);
    }

    /// <summary>Written in bulk, outside the change tracker: its version is the writing transaction's, as for every row it wrote.</summary>
    public void WrittenBy(uint transaction) => Version = transaction;

    /// <summary>Notes where the person is today, for the person's image.</summary>
    public void Locate(PersonWhereabouts whereabouts) => Whereabouts = whereabouts;

    /// <summary>A completed movement carried the person: where they are today after it.</summary>
    public void Moved(PersonWhereabouts whereabouts)
    {
        Whereabouts = whereabouts;
        Raise(PersonEvent.Moved);
    }

    private void Describe(PersonDescription description)
    {
        Categories.EnsureBelongs(description.Component, description.Category);
        FullName = description.FullName;
        Component = description.Component;
        Category = description.Category;
        CountryCode = description.CountryCode;
        UnitId = description.UnitId;
    }
}
