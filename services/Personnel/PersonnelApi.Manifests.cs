using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using MissionOps.Personnel.Manifests;
using MissionOps.Personnel.Movements;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.ServiceDefaults.Idempotency;
using Npgsql;

namespace MissionOps.Personnel;

public sealed partial class PersonnelApi
{
    public override async Task<ImportMovementManifestResponse> ImportMovementManifest(
        IAsyncStreamReader<ImportMovementManifestRequest> requestStream, ServerCallContext context)
    {
        // Moves onto the change pipeline in the next step, with bulk events.
        var manifest = await new ManifestReader(sites, configuration.GetValue("Personnel:MaxManifestRows", ManifestReader.MaxRows)).ReadAsync(requestStream, PeopleByIndexNumberAsync, Token(context));
        var now = Now;

        return await IdempotentChange.RunAsync(db, manifest.RequestId, nameof(ImportMovementManifest), manifest.Hash, async ct =>
        {
            if (await db.Movements.AnyAsync(m => m.MissionId == manifest.MissionId && m.ManifestId == manifest.ManifestId, ct))
            {
                throw new AlreadyExistsException("missionops.un.org/Manifest", $"missions/{manifest.MissionId}/manifests/{manifest.ManifestId}");
            }

            var movements = new List<Movements.Movement>(manifest.Lines.Count);
            var legs = new List<MovementLeg>(manifest.Lines.Count);
            var completed = 0;
            for (var i = 0; i < manifest.Lines.Count; i++)
            {
                var line = manifest.Lines[i];
                var movement = Movements.Movement.Plan(manifest.MissionId, $"{manifest.ManifestId}-{i:D6}", line.PersonId, null, line.Kind, line.Mode,
                    line.OriginSite, line.DestinationSite, line.PlannedDate, 1, manifest.ManifestId, now);
                if (line.ArrivalDate is { } arrival)
                {
                    movement.Start(arrival, now);
                    movement.Complete(arrival, now);
                    completed++;
                }

                movements.Add(movement);
                legs.Add(MovementWriter.LegOf(movement, line.PersonId));
            }

            try
            {
                await MovementWriter.WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), movements, legs, ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another import of the same manifest committed first, or a movement already has one of its ids.
                throw new AlreadyExistsException("missionops.un.org/Manifest", $"missions/{manifest.MissionId}/manifests/{manifest.ManifestId}");
            }

            metrics.MovementsImported(movements);
            return new ImportMovementManifestResponse
            {
                ManifestId = manifest.ManifestId,
                MovementCount = movements.Count,
                CompletedCount = completed,
            };
        }, Token(context), $"missions/{manifest.MissionId}/manifests/{manifest.ManifestId}");
    }

    private async Task<IReadOnlyDictionary<string, string>> PeopleByIndexNumberAsync(string missionId, CancellationToken ct) =>
        await db.Personnel.AsNoTracking()
            .Where(p => p.MissionId == missionId)
            .Select(p => new { p.IndexNumber, p.Id })
            .ToDictionaryAsync(p => p.IndexNumber, p => p.Id, StringComparer.Ordinal, ct);
}
