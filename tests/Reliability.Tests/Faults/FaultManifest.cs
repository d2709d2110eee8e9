using Grpc.Core;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using Date = Google.Type.Date;

namespace MissionOps.Reliability.Tests.Faults;

/// <summary>
/// A manifest of <paramref name="rows"/> completed transfers between Sévaré and Douentza of people of its own, 200 rows
/// each, one a day, that every origin check of the import passes: each person's rows alternate, each leaving from where
/// the one before took them. Sent under one request id however often it is sent.
/// </summary>
public sealed class FaultManifest(string id, int rows)
{
    public const int BatchSize = 1_000;

    private readonly int _people = Math.Max(1, rows / 200);

    private static readonly string[] Sites = [$"{MinusmaSites.Mission}/sites/sevare", $"{MinusmaSites.Mission}/sites/douentza"];

    public string Id { get; } = id;

    public int Rows { get; } = rows;

    public string RequestId { get; } = Guid.NewGuid().ToString();

    /// <summary>The prefix of every movement the manifest stores, as resources are named.</summary>
    public string MovementPrefix => $"{MinusmaSites.Mission}/movements/{Id}-";

    /// <summary>Its people, assigned to Sévaré before the first of their movements.</summary>
    public async Task CreatePeopleAsync(PersonnelService.PersonnelServiceClient personnel) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, _people), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (person, ct) =>
            await personnel.CreatePersonAsync(new CreatePersonRequest
            {
                Parent = MinusmaSites.Mission,
                PersonId = $"{Id}-p{person:D5}",
                RequestId = Guid.NewGuid().ToString(),
                Person = new Person
                {
                    IndexNumber = IndexNumber(person),
                    FullName = $"Person {person} of {Id}",
                    Component = Component.Military,
                    Category = Category.Contingent,
                    CountryCode = "SN",
                    AssignedSite = Sites[0],
                    AssignmentDate = new Date { Year = 2023, Month = 1, Day = 15 },
                },
            }, cancellationToken: ct));

    /// <summary>
    /// Streams the manifest; <paramref name="fault"/> strikes once a third of it is sent, and the rows go on as long as the
    /// service takes them. The answer, or the refusal the call ended with.
    /// </summary>
    public async Task<ImportMovementManifestResponse> SendAsync(PersonnelService.PersonnelServiceClient personnel, Action? fault = null)
    {
        using var call = personnel.ImportMovementManifest();
        try
        {
            await call.RequestStream.WriteAsync(new ImportMovementManifestRequest
            {
                Header = new ManifestHeader { Parent = MinusmaSites.Mission, ManifestId = Id, RequestId = RequestId },
            });
            var batches = (Rows + BatchSize - 1) / BatchSize;
            for (var batch = 0; batch < batches; batch++)
            {
                if (batch == batches / 3)
                {
                    fault?.Invoke();
                }

                await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Rows = Batch(batch) });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            // The call ended while rows were still being sent: its status says why.
        }

        return await call.ResponseAsync;
    }

    private ManifestRows Batch(int batch)
    {
        var rows = new ManifestRows();
        for (var row = batch * BatchSize; row < Math.Min(Rows, (batch + 1) * BatchSize); row++)
        {
            var (person, leg) = (row % _people, row / _people);
            var day = new DateOnly(2024, 1, 1).AddDays(leg);
            var date = new Date { Year = day.Year, Month = day.Month, Day = day.Day };
            rows.Rows.Add(new ManifestRow
            {
                IndexNumber = IndexNumber(person),
                Kind = MovementKind.Transfer,
                Mode = MovementMode.RoadConvoy,
                OriginSite = Sites[leg % 2],
                DestinationSite = Sites[(leg + 1) % 2],
                PlannedDate = date,
                ArrivalDate = date,
            });
        }

        return rows;
    }

    private string IndexNumber(int person) => $"{Id}-{person:D5}".ToUpperInvariant();
}
