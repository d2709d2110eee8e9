using MissionOps.Personnel.Data;
using MovementState = MissionOps.Personnel.V1.MovementState;

namespace MissionOps.Personnel.Movements;

/// <summary>A person a movement carries who is not at its origin on its planned day: elsewhere, not yet assigned, or gone.</summary>
public sealed record OriginMismatch(string MovementId, string PersonId, string OriginSite, DateOnly Day, string? LocatedAt, bool NotYetAssigned)
{
    /// <summary>True when the person is at another site; false when they are not in the mission that day (not yet, or no longer).</summary>
    public bool IsElsewhere => LocatedAt is not null;

    public string Describe(string missionId)
    {
        var person = $"missions/{missionId}/personnel/{PersonId}";
        return LocatedAt is { } site ? $"{person} is at {site} on {Day:yyyy-MM-dd}, not at {OriginSite}"
            : NotYetAssigned ? $"{person} is not yet assigned to the mission on {Day:yyyy-MM-dd}"
            : $"{person} has already left the mission by {Day:yyyy-MM-dd}";
    }
}

/// <summary>A leg of a person already stored and not cancelled: where it takes them, from the day it counts.</summary>
public readonly record struct StoredLeg(string PersonId, string MovementId, DateOnly EffectiveDate, string? DestinationSite, MovementState State);

/// <summary>What is stored of the people a change moves: each one, and their legs that are not cancelled.</summary>
public sealed record PersonTimelines(IReadOnlyDictionary<string, People.Person> People, ILookup<string, StoredLeg> Legs);

/// <summary>
/// Nobody moves from where they are not, leaves a site twice, or moves once out of the mission: every
/// person a movement carries must be at its origin on its planned day, as the forecast places them
/// (the last of their legs on or before that day, completed, planned, in transit or held, else the site
/// they were first assigned to). One rule for one movement (CreateMovement) and for a manifest's
/// hundreds of thousands, checked before anything is committed, in one pass over each person's timeline:
/// on a day, stored legs come first, then the movements checked and their legs in the order of their ids
/// (a manifest's rows), each movement just before its own leg.
/// </summary>
public static class MovementOrigins
{
    public static IReadOnlyList<OriginMismatch> Check(IEnumerable<(Movement Movement, string PersonId)> checkedLegs, PersonTimelines timelines, int limit)
    {
        var byPerson = new Dictionary<string, List<Movement>>(StringComparer.Ordinal);
        foreach (var (movement, personId) in checkedLegs)
        {
            if (!byPerson.TryGetValue(personId, out var movements))
            {
                byPerson[personId] = movements = [];
            }

            movements.Add(movement);
        }

        var mismatches = new List<OriginMismatch>();
        var timeline = new List<Entry>();
        foreach (var (personId, movements) in byPerson)
        {
            timeline.Clear();
            foreach (var leg in timelines.Legs[personId])
            {
                timeline.Add(new Entry(leg.EffectiveDate, Class: 0, leg.MovementId, IsLeg: true, leg.DestinationSite, Checked: null));
            }

            foreach (var movement in movements)
            {
                timeline.Add(new Entry(movement.PlannedDate, Class: 1, movement.Id, IsLeg: false, Site: null, movement));
                timeline.Add(new Entry(movement.EffectiveDate, Class: 1, movement.Id, IsLeg: true, movement.DestinationSite, Checked: null));
            }

            timeline.Sort(Entry.InOrder);
            var assignment = timelines.People[personId];
            var moved = false;
            string? site = null;
            foreach (var entry in timeline)
            {
                if (entry.IsLeg)
                {
                    (moved, site) = (true, entry.Site);
                    continue;
                }

                var located = moved ? site : assignment.AssignmentDate <= entry.Day ? assignment.AssignedSite : null;
                if (located != entry.Checked!.OriginSite)
                {
                    mismatches.Add(new OriginMismatch(entry.Id, personId, entry.Checked.OriginSite, entry.Day, located, !moved && assignment.AssignmentDate > entry.Day));
                }
            }
        }

        return mismatches.OrderBy(m => m.MovementId, StringComparer.Ordinal).ThenBy(m => m.PersonId, StringComparer.Ordinal).Take(limit).ToList();
    }

    /// <summary>What the check reads of the people: each of them, and their stored legs that are not cancelled.</summary>
    public static async Task<PersonTimelines> TimelinesAsync(PersonnelDbContext db, string missionId, IReadOnlyCollection<string> personIds, CancellationToken ct)
    {
        var legs = await db.MovementLegs.AsNoTracking()
            .Where(l => l.MissionId == missionId && personIds.Contains(l.PersonId) && l.State != MovementState.Cancelled)
            .Select(l => new StoredLeg(l.PersonId, l.MovementId, l.EffectiveDate, l.DestinationSite, l.State))
            .ToListAsync(ct);
        var people = await db.Personnel.AsNoTracking()
            .Where(p => p.MissionId == missionId && personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, ct);
        return new PersonTimelines(people, legs.ToLookup(l => l.PersonId, StringComparer.Ordinal));
    }

    /// <summary>A moment of a timeline: a leg that puts the person somewhere, or a movement whose origin is checked.</summary>
    private readonly record struct Entry(DateOnly Day, int Class, string Id, bool IsLeg, string? Site, Movement? Checked)
    {
        /// <summary>By day; on a day stored legs, then what is checked by id, each movement just before its own leg.</summary>
        public static readonly Comparison<Entry> InOrder = (a, b) =>
            a.Day != b.Day ? a.Day.CompareTo(b.Day)
            : a.Class != b.Class ? a.Class.CompareTo(b.Class)
            : string.CompareOrdinal(a.Id, b.Id) is var byId and not 0 ? byId
            : a.IsLeg.CompareTo(b.IsLeg);
    }
}
