using Google.Protobuf.WellKnownTypes;
using MissionOps.Client;
using MissionOps.Common.V1;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using static MissionOps.Benchmarks.Answers;
using static MissionOps.Benchmarks.DemoSample;
using Date = Google.Type.Date;

namespace MissionOps.Benchmarks;

/// <summary>
/// A planner of MINUSMA making real changes, in rounds: records a newcomer at one of the demo's sites, plans their
/// transfer to another, revises the description of an open project (read, then updated with its etag); every fourth round it sends the round's
/// CreatePerson again with its request id, as a client does when an answer is lost, and the answer must be the
/// person made the first time. Each change has a fresh request id.
/// </summary>
public sealed class PartnerWriter(MissionOpsClient client, DemoSample demo, string run, int worker)
{
    /// <summary>The newcomers' first day, after <see cref="DemoSample.HeadcountDate"/>: the headcount the readers check stays as it was.</summary>
    public static Date AssignmentDate => new() { Year = 2023, Month = 6, Day = 1 };

    private static int _conflicts;

    private readonly Queue<PartnerCall> _round = new();
    private int _rounds;

    /// <summary>How many revisions all writers found stale and made again.</summary>
    public static int Conflicts => Volatile.Read(ref _conflicts);

    public PartnerCall Next(int n)
    {
        if (_round.Count == 0)
        {
            Plan(_rounds++);
        }

        return _round.Dequeue();
    }

    private void Plan(int round)
    {
        var id = $"load-{run}-{worker}-{round}";
        var person = $"{Minusma}/personnel/{id}";
        var from = Pick(demo.Sites, worker + round);
        var create = new CreatePersonRequest
        {
            Parent = Minusma,
            PersonId = id,
            RequestId = Guid.NewGuid().ToString(),
            Person = new Person
            {
                IndexNumber = id.ToUpperInvariant(), FullName = $"Newcomer {worker}-{round}", Component = Component.Civilian,
                Category = Category.InternationalCivilian, CountryCode = "SN", AssignedSite = from, AssignmentDate = AssignmentDate,
            },
        };
        Person? created = null;
        _round.Enqueue(new("Personnel.CreatePerson", async () =>
        {
            created = await client.Personnel.CreatePersonAsync(create);
            Named(person, created.Name);
            Expect(created.IndexNumber == create.Person.IndexNumber, $"{created.Name} has index number {created.IndexNumber}");
        }));
        _round.Enqueue(new("Personnel.CreateMovement", async () =>
        {
            var to = Pick(demo.Sites, worker + round + 1);
            var movement = await client.Personnel.CreateMovementAsync(new CreateMovementRequest
            {
                Parent = Minusma,
                MovementId = $"{id}-transfer",
                RequestId = Guid.NewGuid().ToString(),
                Movement = new Movement
                {
                    Person = person, Kind = MovementKind.Transfer, Mode = MovementMode.Flight, OriginSite = from, DestinationSite = to,
                    PlannedDate = new Date { Year = 2023, Month = 7, Day = 1 },
                },
            });
            Named($"{Minusma}/movements/{id}-transfer", movement.Name);
            Expect((movement.Person, movement.DestinationSite, movement.State) == (person, to, MovementState.Planned),
                $"{movement.Name} carries {movement.Person} to {movement.DestinationSite}, {movement.State}");
        }));
        _round.Enqueue(UpdateProject(id));
        if (round % 4 == 3)
        {
            _round.Enqueue(new("Personnel.CreatePerson again", async () =>
            {
                var again = await client.Personnel.CreatePersonAsync(create);
                Expect(created is not null && again.Name == created.Name && again.CreateTime == created.CreateTime,
                    $"the same request id answered {again.Name} made {again.CreateTime}, not {created?.Name} made {created?.CreateTime}");
            }));
        }
    }

    /// <summary>
    /// Writers may revise the same project (the demo leaves few open): each revises it as last read, with its etag, and
    /// when another revised it meanwhile (ABORTED) reads it again and retries, as the contract tells a client to.
    /// </summary>
    private PartnerCall UpdateProject(string revision) => new("Projects.UpdateProject", async () =>
    {
        var name = Pick(demo.OpenProjects, worker);
        var description = new LocalizedText { En = $"Revised by the load benchmark ({revision})", Fr = $"Révisé par le banc de charge ({revision})" };
        for (var attempt = 1; ; attempt++)
        {
            var etag = (await client.Projects.GetProjectAsync(new GetProjectRequest { Name = name })).Etag;
            try
            {
                var project = await client.Projects.UpdateProjectAsync(new UpdateProjectRequest
                {
                    Project = new Project { Name = name, Description = description },
                    UpdateMask = new FieldMask { Paths = { "description" } },
                    Etag = etag,
                    RequestId = Guid.NewGuid().ToString(),
                });
                Named(name, project.Name);
                Expect(project.Description.Equals(description), $"{name} describes itself as '{project.Description.En}' after the update");
                return;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Aborted && attempt < 5)
            {
                Interlocked.Increment(ref _conflicts);
            }
        }
    });
}
