using MissionOps.Personnel.Data;

namespace MissionOps.Personnel.Units;

/// <summary>People join or leave units: each unit counts its members again, which raises <c>UnitStrengthChanged</c> when the count moved.</summary>
public static class UnitStrengths
{
    /// <summary>The units' stored counts, with the moves of the change not yet saved (a unit left, a unit joined; null for none).</summary>
    public static async Task RecountAsync(PersonnelDbContext db, string missionId, IReadOnlyCollection<(string? From, string? To)> moves, CancellationToken ct)
    {
        var ids = moves.SelectMany(m => new[] { m.From, m.To }).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var stored = await db.Personnel
            .Where(p => p.MissionId == missionId && p.UnitId != null && ids.Contains(p.UnitId))
            .GroupBy(p => p.UnitId!).Select(g => new { Unit = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Unit, g => g.Count, ct);
        foreach (var unit in await db.Units.Where(u => u.MissionId == missionId && ids.Contains(u.Id)).ToListAsync(ct))
        {
            var before = stored.GetValueOrDefault(unit.Id);
            unit.Counted(before);
            unit.Recounted(before + moves.Count(m => m.To == unit.Id) - moves.Count(m => m.From == unit.Id));
        }
    }
}
