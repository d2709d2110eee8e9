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

/// <summary>What an import stored: its movements, and every aggregate that raised an event (the movements and the people they moved).</summary>
public sealed record ImportedMovements(IReadOnlyList<Movement> Movements, IReadOnlyCollection<IAggregate> Written);

/// <summary>
/// Writes a manifest's movements (<c>{manifest}-{row}</c>) with COPY as they arrive, inside the change
/// pipeline's bulk entry, then holds them to the rules <see cref="PersonnelApi.CreateMovement"/> holds
/// one movement to: the origin of every row, set-based (<see cref="MovementOrigins"/>), before their
/// legs are written. A breach throws, and the pipeline's transaction takes back every row.
/// </summary>
public sealed class ManifestImport(PersonnelDbContext db)
{
    /// <summary>At most this many rows whose person is not at the origin are listed.</summary>
    public const int MaxListedMismatches = 100;

    public async Task<ImportedMovements> WriteAsync(string missionId, string manifestId, IAsyncEnumerable<Movement> movements, DateOnly today,
        CancellationToken ct)
    {
        var manifest = $"missions/{missionId}/manifests/{manifestId}";
        // Plans of one mission are checked one at a time, so two cannot both find a person still at the origin.
        await TransactionLock.TakeAsync(db, $"missionops.movements/{missionId}", ct);
        if (await db.Movements.AnyAsync(m => m.MissionId == missionId && m.ManifestId == manifestId, ct))
        {
            throw new AlreadyExistsException("missionops.un.org/Manifest", manifest);
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        List<Movement> written;
        try
        {
            written = await MovementWriter.WriteMovementsAsync(connection, movements, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another import of the same manifest committed first, or a movement already has one of its ids.
            throw new AlreadyExistsException("missionops.un.org/Manifest", manifest);
        }

        // The legs are not written yet: the timelines read are what was stored before this manifest.
        var people = written.Select(m => m.PersonId!).Distinct(StringComparer.Ordinal).ToList();
        var timelines = await MovementOrigins.TimelinesAsync(db, missionId, people, ct);
        var mismatches = MovementOrigins.Check(written.Select(m => (m, m.PersonId!)), timelines, MaxListedMismatches + 1);
        if (mismatches.Count > 0)
        {
            throw new InvalidArgumentException(Violations(missionId, manifestId, mismatches));
        }

        await MovementWriter.WriteLegsAsync(connection, written.Select(m => MovementWriter.LegOf(m, m.PersonId!)), ct);

        if (written.Count == 0)
        {
            return new ImportedMovements(written, []);
        }

        // Every row a transaction writes carries its id as xmin, the version etags are made of.
        var version = await db.Database.SqlQuery<long>($"SELECT xmin::text::bigint AS \"Value\" FROM movements WHERE mission_id = {missionId} AND id = {written[0].Id}")
            .SingleAsync(ct);
        foreach (var movement in written)
        {
            movement.WrittenBy((uint)version);
        }

        return new ImportedMovements(written, [.. written, .. PersonMoves.Move(timelines, written, today)]);
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
