using Microsoft.EntityFrameworkCore;
using MissionOps.Personnel.Data;

namespace MissionOps.Personnel.Units;

/// <summary>People joined or left units: each unit counts its members again, which raises <c>UnitStrengthChanged</c> when the count moved.</summary>
public static class UnitStrengths
{
    /// <summary>Counts before and after saving the change so far: both counts are the database's.</summary>
    public static async Task RecountAsync(PersonnelDbContext db, string missionId, IEnumerable<string?> unitIds, CancellationToken ct)
    {
        var ids = unitIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        Task<Dictionary<string, int>> CountAsync() => db.Personnel
            .Where(p => p.MissionId == missionId && p.UnitId != null && ids.Contains(p.UnitId))
            .GroupBy(p => p.UnitId!).Select(g => new { Unit = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Unit, g => g.Count, ct);

        var before = await CountAsync();
        await db.SaveChangesAsync(ct);
        var after = await CountAsync();
        foreach (var unit in await db.Units.Where(u => u.MissionId == missionId && ids.Contains(u.Id)).ToListAsync(ct))
        {
            unit.Counted(before.GetValueOrDefault(unit.Id));
            unit.Recounted(after.GetValueOrDefault(unit.Id));
        }
    }
}
