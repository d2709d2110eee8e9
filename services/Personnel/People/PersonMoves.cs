using Microsoft.EntityFrameworkCore;
using MissionOps.Personnel.Data;
using MissionOps.Personnel.Headcount;

namespace MissionOps.Personnel.People;

/// <summary>The people completed movements carried, each told where they are today after them, which raises <c>PersonMoved</c>.</summary>
public static class PersonMoves
{
    /// <summary>
    /// Loads the people and locates them once the movements are written. A bulk change asks for them
    /// untracked and hands them to the pipeline itself: tracking a manifest's worth of people costs more than the import.
    /// </summary>
    public static async Task<IReadOnlyList<Person>> MoveAsync(PersonnelDbContext db, HeadcountQueries headcounts, string missionId,
        IReadOnlyCollection<string> personIds, DateOnly today, bool tracked, CancellationToken ct)
    {
        if (personIds.Count == 0)
        {
            return [];
        }

        var query = db.Personnel.Where(p => p.MissionId == missionId && personIds.Contains(p.Id));
        var people = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        var sites = await headcounts.LocateAsync(missionId, personIds, today, forecast: false, ct);
        foreach (var person in people)
        {
            var site = sites[person.Id];
            person.Moved(new PersonWhereabouts(site, Repatriated: site is null && person.AssignmentDate <= today));
        }

        return people;
    }
}
