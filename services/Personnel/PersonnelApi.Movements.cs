using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using MissionOps.Personnel.Movements;
using MissionOps.Personnel.People;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.ServiceDefaults.Paging;
using MissionOps.ServiceDefaults.Data;

namespace MissionOps.Personnel;

public sealed partial class PersonnelApi
{
    /// <summary>At most this many people not at a movement's origin are named; the count of the rest is given.</summary>
    private const int MaxListedPeople = 100;

    public override async Task<V1.Movement> CreateMovement(CreateMovementRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        var movementId = v.ResourceId("movement_id", request.MovementId);
        v.RequestId("request_id", request.RequestId);
        var input = request.Movement;
        if (input is null)
        {
            v.Add("movement", "is required");
            v.ThrowIfInvalid();
        }

        var kind = v.Enum("movement.kind", input!.Kind);
        var mode = v.Enum("movement.mode", input.Mode);
        var planned = v.Date("movement.planned_date", input.PlannedDate);
        var siteRefs = new List<(string, string)> { ("movement.origin_site", input.OriginSite) };
        if (kind == MovementKind.Transfer)
        {
            siteRefs.Add(("movement.destination_site", input.DestinationSite));
        }

        if (v.Violations.All(f => f.Field is not ("movement.kind" or "movement.mode")))
        {
            foreach (var breach in MovementRules.Breaches(kind, mode, input.OriginSite, input.DestinationSite))
            {
                v.Add($"movement.{breach.Attribute}", breach.Description);
            }
        }

        string? personId = null, unitId = null;
        switch (input.SubjectCase)
        {
            case V1.Movement.SubjectOneofCase.Person:
                personId = SameMission(v, "movement.person", v.Name("movement.person", input.Person, "missions", "personnel"), missionId);
                break;
            case V1.Movement.SubjectOneofCase.Unit:
                unitId = SameMission(v, "movement.unit", v.Name("movement.unit", input.Unit, "missions", "units"), missionId);
                break;
            default:
                v.Add("movement.person", "name the person or the unit that moves");
                break;
        }

        if (missionId.Length > 0)
        {
            await sites.CheckAsync(v, missionId, siteRefs, Token(context));
        }

        v.ThrowIfInvalid();
        var people = await SubjectMembersAsync(missionId, personId, unitId, input, Token(context));
        var movement = Movements.Movement.Plan(missionId, movementId, personId, unitId, kind, mode, input.OriginSite,
            kind == MovementKind.Transfer ? input.DestinationSite : null, planned, people.Count, manifestId: null, Now);

        return await changes.CreateAsync<V1.Movement, Movements.Movement>(request, [missionId, movementId], async ct =>
        {
            // Plans of one mission are checked one at a time, so two cannot both find a person still at the origin.
            await TransactionLock.TakeAsync(db, $"missionops.movements/{missionId}", ct);
            await EnsureAtOriginAsync(movement, people, personId is not null ? "movement.person" : "movement.unit", ct);
            db.MovementLegs.AddRange(people.Select(id => MovementWriter.LegOf(movement, id)));
            return movement;
        }, Token(context));
    }

    public override async Task<V1.Movement> GetMovement(GetMovementRequest request, ServerCallContext context) =>
        (await FindMovementAsync("name", request.Name, Token(context))).ToProto();

    public override async Task<ListMovementsResponse> ListMovements(ListMovementsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        var state = v.OptionalEnum("state", request.State);
        if (!string.IsNullOrEmpty(request.Site))
        {
            v.Name("site", request.Site, "missions", "sites");
        }

        v.ThrowIfInvalid();
        var fingerprint = $"{state}|{request.Site}";
        var page = PageRequest.Parse(request.PageSize, request.PageToken, fingerprint);
        var query = db.Movements.AsNoTracking().Where(m => m.MissionId == missionId);
        if (state is { } s)
        {
            query = query.Where(m => m.State == s);
        }

        if (!string.IsNullOrEmpty(request.Site))
        {
            query = query.Where(m => m.OriginSite == request.Site || m.DestinationSite == request.Site);
        }

        var movements = await query.PageAsync(page, m => m.Id, Token(context));
        return new ListMovementsResponse
        {
            Movements = { movements.Select(m => m.ToProto()) },
            NextPageToken = page.NextToken(movements, m => m.Id, fingerprint),
        };
    }

    public override Task<V1.Movement> StartMovement(StartMovementRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var departure = v.Date("departure_date", request.DepartureDate);
        return TransitionAsync(v, request, request.Name, request.RequestId, m => m.Start(departure, Now), context);
    }

    public override Task<V1.Movement> HoldMovement(HoldMovementRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var reason = v.Bilingual("reason", request.Reason);
        return TransitionAsync(v, request, request.Name, request.RequestId, m =>
        {
            m.Hold(reason, Now);
            metrics.MovementHeld(m);
        }, context);
    }

    public override Task<V1.Movement> ResumeMovement(ResumeMovementRequest request, ServerCallContext context) =>
        TransitionAsync(new RequestValidator(), request, request.Name, request.RequestId, m => m.Resume(Now), context);

    public override Task<V1.Movement> CompleteMovement(CompleteMovementRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var arrival = v.Date("arrival_date", request.ArrivalDate);
        return TransitionAsync(v, request, request.Name, request.RequestId, m =>
        {
            m.Complete(arrival, Now);
            metrics.MovementCompleted(m);
        }, context, movedPeople: true);
    }

    public override Task<V1.Movement> CancelMovement(CancelMovementRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var reason = v.Bilingual("reason", request.Reason);
        return TransitionAsync(v, request, request.Name, request.RequestId, m => m.Cancel(reason, Now), context);
    }

    /// <summary>A transition of the movement the request names, through the change pipeline; its legs follow it.</summary>
    private Task<V1.Movement> TransitionAsync(RequestValidator v, Google.Protobuf.IMessage request, string name, string requestId,
        Action<Movements.Movement> change, ServerCallContext context, bool movedPeople = false)
    {
        v.Name("name", name, "missions", "movements");
        v.RequestId("request_id", requestId);
        v.ThrowIfInvalid();

        return changes.RunAsync<V1.Movement>(request, async ct =>
        {
            var movement = await FindMovementAsync("name", name, ct);
            change(movement);
            await db.MovementLegs
                .Where(l => l.MissionId == movement.MissionId && l.MovementId == movement.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.State, movement.State).SetProperty(l => l.EffectiveDate, movement.EffectiveDate), ct);
            if (movedPeople)
            {
                var people = await db.MovementLegs.Where(l => l.MissionId == movement.MissionId && l.MovementId == movement.Id).Select(l => l.PersonId).ToListAsync(ct);
                await PersonMoves.MoveAsync(db, headcounts, movement.MissionId, people, Today, ct);
            }

            return movement;
        }, Token(context));
    }

    /// <summary>Refuses the movement unless everyone it carries is at its origin on its planned day (<see cref="MovementOrigins"/>).</summary>
    private async Task EnsureAtOriginAsync(Movements.Movement movement, IReadOnlyList<string> people, string subjectField, CancellationToken ct)
    {
        var timelines = await MovementOrigins.TimelinesAsync(db, movement.MissionId, people, ct);
        var mismatches = MovementOrigins.Check(people.Select(p => (movement, p)), timelines, MaxListedPeople + 1);
        if (mismatches.Count == 0)
        {
            return;
        }

        var violations = mismatches.Take(MaxListedPeople)
            .Select(m => new FieldViolation(m.IsElsewhere ? "movement.origin_site" : subjectField, m.Describe(movement.MissionId)))
            .ToList();
        if (mismatches.Count > MaxListedPeople)
        {
            violations.Add(new FieldViolation("movement.origin_site", $"and more people not at {movement.OriginSite} on {movement.PlannedDate:yyyy-MM-dd}"));
        }

        throw new InvalidArgumentException(violations);
    }

    /// <summary>The person, or every member of the unit, who moves.</summary>
    private async Task<IReadOnlyList<string>> SubjectMembersAsync(string missionId, string? personId, string? unitId, V1.Movement input,
        CancellationToken ct)
    {
        if (personId is not null)
        {
            if (!await db.Personnel.AnyAsync(p => p.MissionId == missionId && p.Id == personId, ct))
            {
                throw new NotFoundException("missionops.un.org/Person", input.Person);
            }

            return [personId];
        }

        if (!await db.Units.AnyAsync(u => u.MissionId == missionId && u.Id == unitId, ct))
        {
            throw new NotFoundException("missionops.un.org/Unit", input.Unit);
        }

        var members = await db.Personnel.Where(p => p.MissionId == missionId && p.UnitId == unitId).Select(p => p.Id).ToListAsync(ct);
        if (members.Count == 0)
        {
            throw new RuleViolationException(ErrorReason.UnitHasNoMembers, $"{input.Unit} has no members to move.");
        }

        return members;
    }

    /// <summary>The id of a person or unit the movement names, which must be of the movement's own mission.</summary>
    private static string SameMission(RequestValidator v, string field, string[] ids, string missionId)
    {
        v.Check(ids[0].Length == 0 || missionId.Length == 0 || ids[0] == missionId, field, "must be of the same mission");
        return ids[1];
    }
}
