using Google.Protobuf;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Forecast.Kept;

/// <summary>A mission's record as Liquidation keeps it from the feeds: what a forecast reads of the other services.</summary>
public sealed record KeptRecord(
    Mission? Mission,
    IReadOnlyList<DrawdownPhase> Phases,
    IReadOnlyList<Site> Sites,
    IReadOnlyList<Movement> Movements,
    IReadOnlyDictionary<string, DateOnly> HeldSince,
    IReadOnlyList<ResidualRosterEntry> ResidualRoster,
    IReadOnlyList<Project> Projects)
{
    public static async Task<KeptRecord> ReadAsync(LiquidationDbContext db, string missionId, CancellationToken ct)
    {
        var kept = await db.KeptImages.AsNoTracking().Where(k => k.MissionId == missionId)
            .Select(k => new { k.Type, k.Image, k.ChangeTime }).ToListAsync(ct);

        List<T> All<T>() where T : IMessage<T>, new()
        {
            var type = new T().Descriptor;
            return [.. kept.Where(k => k.Type == type.FullName).Select(k => (T)type.Parser.ParseFrom(k.Image))];
        }

        var movements = kept.Where(k => k.Type == Movement.Descriptor.FullName).Select(k => (Movement: Movement.Parser.ParseFrom(k.Image), k.ChangeTime)).ToList();
        return new KeptRecord(
            All<Mission>().SingleOrDefault(),
            All<DrawdownPhase>(),
            All<Site>(),
            [.. movements.Select(m => m.Movement)],
            // A held movement's last event is its hold: the day it was held.
            movements.Where(m => m.Movement.State == MovementState.Held)
                .ToDictionary(m => m.Movement.Name, m => DateOnly.FromDateTime(m.ChangeTime.UtcDateTime), StringComparer.Ordinal),
            [.. All<ResidualRosterEntry>().Where(e => e.DeleteTime is null && e.Person.Length > 0)],
            All<Project>());
    }
}
