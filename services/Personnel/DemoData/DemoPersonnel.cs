using System.Security.Cryptography;
using System.Text;
using MissionOps.Personnel.Manifests;
using MissionOps.Personnel.Movements;
using MissionOps.Personnel.People;
using MissionOps.Personnel.Units;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.DemoData;
using MissionOps.ServiceDefaults.Idempotency;
using Npgsql;
using static MissionOps.ServiceDefaults.DemoData.DemoValues;
using Movement = MissionOps.Personnel.Movements.Movement;
using Person = MissionOps.Personnel.People.Person;
using ResidualRosterEntry = MissionOps.Personnel.Roster.ResidualRosterEntry;

namespace MissionOps.Personnel.DemoData;

/// <summary>
/// A mission's demo personnel, written as the demo loader: units, the residual roster and the
/// drawdown targets through the Personnel endpoints in process; the people and their movements,
/// thousands of them, in bulk as a movement manifest is imported, with the one audit entry an
/// import writes.
/// </summary>
internal sealed class DemoPersonnel(IServiceProvider services, PersonnelDbContext db, string missionId, CancellationToken ct)
{
    public const string ManifestId = "demo";

    private readonly PersonnelApi api = DemoLoader.Endpoints<PersonnelApi, PersonnelDbContext>(services, db);

    private readonly ChangePipeline<PersonnelDbContext> changes = new(db, services.GetRequiredService<ChangeContracts>(), services.GetRequiredService<TimeProvider>());

    private readonly DemoLoader loader = new(PersonnelService.Descriptor.FullName, missionId);

    public Task UnitAsync(Units.Unit unit) => loader.CallAsync(nameof(PersonnelApi.CreateUnit), c => api.CreateUnit(new CreateUnitRequest
    {
        Parent = $"missions/{missionId}",
        UnitId = unit.Id,
        Unit = new V1.Unit { DisplayName = unit.DisplayName.ToProto(), CountryCode = unit.CountryCode, Kind = unit.Kind },
        RequestId = loader.RequestId($"unit/{unit.Id}"),
    }, c), ct);

    /// <summary>
    /// The people and their movements in one change, as the import of the manifest <c>demo</c> (movements <c>demo-{row}</c>)
    /// with the people it carries recorded first: the same rules and events as an imported manifest.
    /// </summary>
    public Task ImportAsync(IReadOnlyList<Person> people, IReadOnlyList<Movement> movements, DateOnly today) =>
        loader.CallAsync(nameof(PersonnelApi.ImportMovementManifest), _ => changes.RunBulkAsync(nameof(PersonnelApi.ImportMovementManifest),
            Guid.Parse(loader.RequestId("manifest")),
            new HashedRequest(_ => Task.FromResult(SHA256.HashData(Encoding.UTF8.GetBytes($"demo:{missionId}:{people.Count}:{movements.Count}"))), Replayable: true),
            $"missions/{missionId}/manifests/{ManifestId}", async c =>
            {
                foreach (var person in people)
                {
                    person.Locate(new PersonWhereabouts(person.AssignmentDate <= today ? person.AssignedSite : null, Repatriated: false));
                }

                await UnitStrengths.RecountAsync(db, missionId, people.Select(p => ((string?)null, p.UnitId)).ToList(), c);
                // Stored before their movements, whose origins are checked against where the people were assigned.
                await PersonWriter.WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), people, c);
                if (people.Count > 0)
                {
                    // Every row a transaction writes carries its id as xmin, the version etags are made of.
                    var version = await db.Personnel.Where(p => p.MissionId == missionId && p.Id == people[0].Id).Select(p => p.Version).SingleAsync(c);
                    foreach (var person in people)
                    {
                        person.WrittenBy(version);
                    }
                }

                var imported = await new ManifestImport(db).WriteAsync(missionId, ManifestId, movements.ToAsyncEnumerable(), today, c);
                return ((IReadOnlyCollection<IAggregate>)[.. people, .. imported.Written], new ImportMovementManifestResponse
                {
                    ManifestId = ManifestId, MovementCount = movements.Count, CompletedCount = movements.Count(m => m.State == MovementState.Completed),
                });
            }, ct), ct);

    public Task RosterAsync(ResidualRosterEntry entry) =>
        loader.CallAsync(nameof(PersonnelApi.CreateResidualRosterEntry), c => api.CreateResidualRosterEntry(new CreateResidualRosterEntryRequest
        {
            Parent = $"missions/{missionId}",
            ResidualRosterEntry = new V1.ResidualRosterEntry
            {
                Person = $"missions/{missionId}/personnel/{entry.PersonId}", Group = entry.Group, Role = entry.Role.ToProto(), Site = entry.Site,
                EndDate = Day(entry.EndDate),
            },
            RequestId = loader.RequestId($"roster/{entry.PersonId}"),
        }, c), ct);

    public Task TargetAsync(string id, string phase, Component component, DateOnly deadline, int maxHeadcount) =>
        loader.CallAsync(nameof(PersonnelApi.CreateDrawdownTarget), c => api.CreateDrawdownTarget(new CreateDrawdownTargetRequest
        {
            Parent = $"missions/{missionId}",
            DrawdownTargetId = id,
            DrawdownTarget = new V1.DrawdownTarget { DrawdownPhase = phase, Component = component, Deadline = Day(deadline), MaxHeadcount = maxHeadcount },
            RequestId = loader.RequestId($"target/{id}"),
        }, c), ct);

    public Task PersonAsync(string id, string name, Category category, string country, string site, DateOnly assigned) =>
        loader.CallAsync(nameof(PersonnelApi.CreatePerson), c => api.CreatePerson(new CreatePersonRequest
        {
            Parent = $"missions/{missionId}",
            PersonId = id,
            Person = new V1.Person
            {
                IndexNumber = id.ToUpperInvariant(), FullName = name, Component = Categories.ComponentOf(category), Category = category, CountryCode = country,
                AssignedSite = site, AssignmentDate = Day(assigned),
            },
            RequestId = loader.RequestId($"person/{id}"),
        }, c), ct);

    /// <summary>A person's flight out of the mission, planned, started and completed on the day.</summary>
    public async Task RepatriateAsync(string person, string from, DateOnly day)
    {
        var name = $"missions/{missionId}/movements/{person}-out";
        await loader.CallAsync(nameof(PersonnelApi.CreateMovement), c => api.CreateMovement(new CreateMovementRequest
        {
            Parent = $"missions/{missionId}",
            MovementId = $"{person}-out",
            Movement = new V1.Movement
            {
                Person = $"missions/{missionId}/personnel/{person}", Kind = MovementKind.Repatriation, Mode = MovementMode.Flight,
                OriginSite = from, PlannedDate = Day(day),
            },
            RequestId = loader.RequestId($"movement/{person}-out"),
        }, c), ct);
        await loader.CallAsync(nameof(PersonnelApi.StartMovement), c => api.StartMovement(
            new StartMovementRequest { Name = name, DepartureDate = Day(day), RequestId = loader.RequestId($"movement/{person}-out/start") }, c), ct);
        await loader.CallAsync(nameof(PersonnelApi.CompleteMovement), c => api.CompleteMovement(
            new CompleteMovementRequest { Name = name, ArrivalDate = Day(day), RequestId = loader.RequestId($"movement/{person}-out/complete") }, c), ct);
    }
}
