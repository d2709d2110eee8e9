using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using MissionOps.Personnel.Movements;
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
        else if (kind == MovementKind.Repatriation)
        {
            v.Check(string.IsNullOrEmpty(input.DestinationSite), "movement.destination_site", "must be empty: a repatriation leaves the mission");
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

        return await changes.RunAsync<V1.Movement>(request, async ct =>
        {
            if (await db.Movements.AnyAsync(m => m.MissionId == missionId && m.Id == movementId, ct))
            {
                throw new AlreadyExistsException("missionops.un.org/Movement", movement.Name);
            }

            // Plans of one mission are checked one at a time, so two cannot both find a person still at the origin.
            await TransactionLock.TakeAsync(db, $"missionops.movements/{missionId}", ct);
            await EnsureAtOriginAsync(movement, people, personId is not null ? "movement.person" : "movement.unit", ct);
            db.Movements.Add(movement);
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
        }, context);
    }

    public override Task<V1.Movement> CancelMovement(CancelMovementRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var reason = v.Bilingual("reason", request.Reason);
        return TransitionAsync(v, request, request.Name, request.RequestId, m => m.Cancel(reason, Now), context);
    }

    /// <summary>A transition of the movement the request names, through the change pipeline; its legs follow it.</summary>
    private Task<V1.Movement> TransitionAsync(RequestValidator v, Google.Protobuf.IMessage request, string name, string requestId,
        Action<Movements.Movement> change, ServerCallContext context)
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
            return movement;
        }, Token(context));
    }

    /// <summary>
    /// Refuses a movement unless everyone it carries is at its origin on its planned day, as the
    /// forecast places them (completed legs and legs still planned, in transit or held): nobody
    /// moves from where they are not, leaves the same site twice, or moves once out of the mission.
    /// Checked in the change's transaction, so a retry gets its first answer rather than a refusal.
    /// </summary>
    private async Task EnsureAtOriginAsync(Movements.Movement movement, IReadOnlyList<string> people, string subjectField, CancellationToken ct)
    {
        var day = movement.PlannedDate;
        var located = await headcounts.LocateAsync(movement.MissionId, people, day, forecast: true, ct);
        var elsewhere = people.Where(id => located[id] != movement.OriginSite).ToList();
        if (elsewhere.Count == 0)
        {
            return;
        }

        var absent = elsewhere.Where(id => located[id] is null).ToList();
        var notYetAssigned = absent.Count == 0 ? [] : await db.Personnel.AsNoTracking()
            .Where(p => p.MissionId == movement.MissionId && absent.Contains(p.Id) && p.AssignmentDate > day)
            .Select(p => p.Id).ToHashSetAsync(ct);
        var violations = elsewhere.Take(MaxListedPeople).Select(id =>
        {
            var name = $"missions/{movement.MissionId}/personnel/{id}";
            return located[id] is { } site
                ? new FieldViolation("movement.origin_site", $"{name} is at {site} on {day:yyyy-MM-dd}, not at {movement.OriginSite}")
                : new FieldViolation(subjectField, notYetAssigned.Contains(id)
                    ? $"{name} is not yet assigned to the mission on {day:yyyy-MM-dd}"
                    : $"{name} has already left the mission by {day:yyyy-MM-dd}");
        }).ToList();
        if (elsewhere.Count > MaxListedPeople)
        {
            violations.Add(new FieldViolation("movement.origin_site", $"{elsewhere.Count - MaxListedPeople} more people not at {movement.OriginSite} on {day:yyyy-MM-dd}"));
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
            throw new RuleViolationException("UNIT_HAS_NO_MEMBERS", $"{input.Unit} has no members to move.");
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
