using Microsoft.EntityFrameworkCore;
using MissionOps.Personnel.Data;
using MissionOps.Personnel.Movements;
using MissionOps.Personnel.People;
using MissionOps.ServiceDefaults.Changes;
using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Errors;
using Npgsql;
using MovementState = MissionOps.Personnel.V1.MovementState;

namespace MissionOps.Personnel.Manifests;

/// <summary>
/// Writes a manifest's movements (<c>{manifest}-{row}</c>) and their legs with COPY inside the change
/// pipeline's bulk entry, then holds them to the rules <see cref="PersonnelApi.CreateMovement"/> holds
/// one movement to: the origin of every row, set-based (<see cref="MovementOrigins"/>). Returns what
/// raised events: the movements, and the people the completed rows moved.
/// </summary>
public sealed class ManifestImport(PersonnelDbContext db)
{
    /// <summary>At most this many rows whose person is not at the origin are listed.</summary>
    public const int MaxListedMismatches = 100;

    public async Task<IReadOnlyCollection<IAggregate>> WriteAsync(string missionId, string manifestId, IReadOnlyList<Movement> movements, DateOnly today,
        CancellationToken ct)
    {
        var manifest = $"missions/{missionId}/manifests/{manifestId}";
        // Plans of one mission are checked one at a time, so two cannot both find a person still at the origin.
        await TransactionLock.TakeAsync(db, $"missionops.movements/{missionId}", ct);
        if (await db.Movements.AnyAsync(m => m.MissionId == missionId && m.ManifestId == manifestId, ct))
        {
            throw new AlreadyExistsException("missionops.un.org/Manifest", manifest);
        }

        var people = movements.Select(m => m.PersonId!).Distinct(StringComparer.Ordinal).ToList();
        var timelines = await MovementOrigins.TimelinesAsync(db, missionId, people, ct);
        var mismatches = MovementOrigins.Check(movements.Select(m => (m, m.PersonId!)), timelines, MaxListedMismatches + 1);
        if (mismatches.Count > 0)
        {
            throw new InvalidArgumentException(Violations(missionId, manifestId, mismatches));
        }

        try
        {
            await MovementWriter.WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), movements,
                movements.Select(m => MovementWriter.LegOf(m, m.PersonId!)).ToList(), ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another import of the same manifest committed first, or a movement already has one of its ids.
            throw new AlreadyExistsException("missionops.un.org/Manifest", manifest);
        }

        // Every row a transaction writes carries its id as xmin, the version etags are made of.
        var version = await db.Database.SqlQuery<long>($"SELECT xmin::text::bigint AS \"Value\" FROM movements WHERE mission_id = {missionId} AND id = {movements[0].Id}")
            .SingleAsync(ct);
        foreach (var movement in movements)
        {
            movement.WrittenBy((uint)version);
        }

        return [.. movements, .. PersonMoves.Move(timelines, movements, today)];
    }

    private static List<FieldViolation> Violations(string missionId, string manifestId, IReadOnlyList<OriginMismatch> mismatches)
    {
        var violations = mismatches.Take(MaxListedMismatches).Select(m =>
        {
            var row = int.Parse(m.MovementId.AsSpan(manifestId.Length + 1), System.Globalization.CultureInfo.InvariantCulture);
            return new FieldViolation($"rows[{row}].{(m.IsElsewhere ? "origin_site" : "index_number")}", m.Describe(missionId));
        }).ToList();
        if (mismatches.Count > MaxListedMismatches)
        {
            violations.Add(new FieldViolation("rows", "more rows whose person is not at the origin are not listed"));
        }

        return violations;
    }
}
