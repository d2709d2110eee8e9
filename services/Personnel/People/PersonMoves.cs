using Microsoft.EntityFrameworkCore;
using MissionOps.Personnel.Data;
using MissionOps.Personnel.Headcount;
using MissionOps.Personnel.Movements;

namespace MissionOps.Personnel.People;

/// <summary>The people completed movements carried, each told where they are today after them, which raises <c>PersonMoved</c>.</summary>
public static class PersonMoves
{
    /// <summary>Loads the people, tracked for the change pipeline, and locates them once the movement's legs are written.</summary>
    public static async Task<IReadOnlyList<Person>> MoveAsync(PersonnelDbContext db, HeadcountQueries headcounts, string missionId,
        IReadOnlyCollection<string> personIds, DateOnly today, CancellationToken ct)
    {
        if (personIds.Count == 0)
        {
            return [];
        }

        var people = await db.Personnel.Where(p => p.MissionId == missionId && personIds.Contains(p.Id)).ToListAsync(ct);
        var whereabouts = await headcounts.WhereaboutsAsync(missionId, people, today, ct);
        foreach (var person in people)
        {
            person.Moved(whereabouts[person.Id]);
        }

        return people;
    }

    /// <summary>
    /// The same, for a bulk change, untracked (tracking a manifest's worth of people costs more than the import), from the people's timelines read for its origin check and the movements it writes:
    /// where each person is today is the destination of their last completed leg on or before today, as the database places them.
    /// </summary>
    public static IReadOnlyList<Person> Move(PersonTimelines timelines, IEnumerable<Movements.Movement> written, DateOnly today)
    {
        var moved = new List<Person>();
        foreach (var movements in written.Where(m => m.State == V1.MovementState.Completed).GroupBy(m => m.PersonId!, StringComparer.Ordinal))
        {
            var person = timelines.People[movements.Key];
            var last = timelines.Legs[movements.Key]
                .Where(l => l.State == V1.MovementState.Completed)
                .Select(l => (l.EffectiveDate, l.MovementId, l.DestinationSite))
                .Concat(movements.Select(m => (m.EffectiveDate, m.Id, m.DestinationSite)))
                .Where(l => l.EffectiveDate <= today)
                .OrderByDescending(l => l.EffectiveDate).ThenByDescending(l => l.Item2, StringComparer.Ordinal)
                .Select(l => (Found: true, Site: l.DestinationSite))
                .FirstOrDefault();
            var site = last.Found ? last.Site : person.AssignmentDate <= today ? person.AssignedSite : null;
            person.Moved(new PersonWhereabouts(site, Repatriated: site is null && person.AssignmentDate <= today));
            moved.Add(person);
        }

        return moved;
    }
}
