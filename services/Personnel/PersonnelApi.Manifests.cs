using System.Runtime.CompilerServices;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using MissionOps.Personnel.Manifests;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Idempotency;

namespace MissionOps.Personnel;

public sealed partial class PersonnelApi
{
    public override async Task<ImportMovementManifestResponse> ImportMovementManifest(
        IAsyncStreamReader<ImportMovementManifestRequest> requestStream, ServerCallContext context)
    {
        using var reader = new ManifestReader(requestStream, sites, configuration.GetValue("Personnel:MaxManifestRows", ManifestReader.MaxRows));
        var manifest = await reader.ReadHeaderAsync(Token(context));
        var now = Now;
        async IAsyncEnumerable<Movements.Movement> Planned(IReadOnlyDictionary<string, string> people, [EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var (row, line) in reader.LinesAsync(manifest.MissionId, people, ct))
            {
                var movement = Movements.Movement.Plan(manifest.MissionId, $"{manifest.ManifestId}-{row:D6}", line.PersonId, null, line.Kind, line.Mode,
                    line.OriginSite, line.DestinationSite, line.PlannedDate, 1, manifest.ManifestId, now);
                if (line.ArrivalDate is { } arrival)
                {
                    movement.RecordArrival(arrival, now);
                }

                yield return movement;
            }
        }

        return await changes.RunBulkAsync(nameof(ImportMovementManifest), manifest.RequestId, new HashedRequest(reader.HashToEndAsync, Replayable: false),
            manifest.Name, async ct =>
            {
                var people = await PeopleByIndexNumberAsync(manifest.MissionId, ct);
                var imported = await new ManifestImport(db).WriteAsync(manifest.MissionId, manifest.ManifestId, Planned(people, ct), Today, ct);
                metrics.MovementsImported(imported.Movements);
                return (imported.Written, new ImportMovementManifestResponse
                {
                    ManifestId = manifest.ManifestId,
                    MovementCount = imported.Movements.Count,
                    CompletedCount = imported.Movements.Count(m => m.State == MovementState.Completed),
                });
            }, Token(context));
    }

    private async Task<IReadOnlyDictionary<string, string>> PeopleByIndexNumberAsync(string missionId, CancellationToken ct) =>
        await db.Personnel.AsNoTracking()
            .Where(p => p.MissionId == missionId)
            .Select(p => new { p.IndexNumber, p.Id })
            .ToDictionaryAsync(p => p.IndexNumber, p => p.Id, StringComparer.Ordinal, ct);
}
