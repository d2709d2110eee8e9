using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using MissionOps.Personnel.Manifests;
using MissionOps.Personnel.V1;

namespace MissionOps.Personnel;

public sealed partial class PersonnelApi
{
    public override async Task<ImportMovementManifestResponse> ImportMovementManifest(
        IAsyncStreamReader<ImportMovementManifestRequest> requestStream, ServerCallContext context)
    {
        var manifest = await new ManifestReader(sites, configuration.GetValue("Personnel:MaxManifestRows", ManifestReader.MaxRows)).ReadAsync(requestStream, PeopleByIndexNumberAsync, Token(context));
        var now = Now;

        return await changes.RunBulkAsync(nameof(ImportMovementManifest), manifest.RequestId, manifest.Hash,
            $"missions/{manifest.MissionId}/manifests/{manifest.ManifestId}", async ct =>
            {
                var movements = manifest.Lines.Select((line, i) =>
                {
                    var movement = Movements.Movement.Plan(manifest.MissionId, $"{manifest.ManifestId}-{i:D6}", line.PersonId, null, line.Kind, line.Mode,
                        line.OriginSite, line.DestinationSite, line.PlannedDate, 1, manifest.ManifestId, now);
                    if (line.ArrivalDate is { } arrival)
                    {
                        movement.RecordArrival(arrival, now);
                    }

                    return movement;
                }).ToList();
                var written = await new ManifestImport(db).WriteAsync(manifest.MissionId, manifest.ManifestId, movements, Today, ct);
                metrics.MovementsImported(movements);
                return (written, new ImportMovementManifestResponse
                {
                    ManifestId = manifest.ManifestId,
                    MovementCount = movements.Count,
                    CompletedCount = movements.Count(m => m.State == MovementState.Completed),
                });
            }, Token(context));
    }

    private async Task<IReadOnlyDictionary<string, string>> PeopleByIndexNumberAsync(string missionId, CancellationToken ct) =>
        await db.Personnel.AsNoTracking()
            .Where(p => p.MissionId == missionId)
            .Select(p => new { p.IndexNumber, p.Id })
            .ToDictionaryAsync(p => p.IndexNumber, p => p.Id, StringComparer.Ordinal, ct);
}
