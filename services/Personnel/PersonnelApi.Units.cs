using MissionOps.Personnel.Units;
using MissionOps.Personnel.V1;

namespace MissionOps.Personnel;

public sealed partial class PersonnelApi
{
    private static readonly HashSet<string> UpdatableUnitPaths = ["display_name", "display_name.en", "display_name.fr", "kind", "country_code"];

    public override async Task<V1.Unit> CreateUnit(CreateUnitRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var unitId = v.ResourceId("unit_id", request.UnitId);
        var (missionId, input) = v.Create(request.Parent, request.RequestId, "unit", request.Unit);
        var (displayName, country, kind) = UnitMapping.Parse(v, input);
        v.ThrowIfInvalid();
        var unit = Units.Unit.Create(missionId, unitId, displayName, country, kind, Now);

        return await changes.CreateAsync<V1.Unit>(request, unit, Token(context));
    }

    public override async Task<V1.Unit> GetUnit(GetUnitRequest request, ServerCallContext context)
    {
        var unit = await FindUnitAsync("name", request.Name, Token(context));
        return unit.ToProto(await StrengthAsync(unit, Token(context)));
    }

    public override async Task<ListUnitsResponse> ListUnits(ListUnitsRequest request, ServerCallContext context)
    {
        var missionId = ResourceName.Parse("parent", request.Parent, "missions")[0];
        var page = PageRequest.Parse(request.PageSize, request.PageToken);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.MissionId == missionId && (page.AfterKey == null || string.Compare(u.Id, page.AfterKey) > 0))
            .OrderBy(u => u.Id)
            .Take(page.Size)
            .Select(u => new { Unit = u, Strength = db.Personnel.Count(p => p.MissionId == u.MissionId && p.UnitId == u.Id) })
            .ToListAsync(Token(context));
        return new ListUnitsResponse
        {
            Units = { units.Select(u => u.Unit.ToProto(u.Strength)) },
            NextPageToken = page.NextToken(units, u => u.Unit.Id),
        };
    }

    public override async Task<V1.Unit> UpdateUnit(UpdateUnitRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (_, paths) = v.Update("unit", request.Unit, request.UpdateMask, request.RequestId, UpdatableUnitPaths, nameof(UpdateUnit));
        var current = await FindUnitAsync("unit.name", request.Unit!.Name, Token(context));
        var (displayName, country, kind) = UnitMapping.Parse(v, RequestValidator.Merged(current.ToProto(strength: 0), request.Unit, paths));
        v.ThrowIfInvalid();

        return await changes.RunAsync<V1.Unit>(request, async ct =>
        {
            var unit = await FindUnitAsync("unit.name", request.Unit.Name, ct);
            unit.Counted(await StrengthAsync(unit, ct));
            changes.RefreshBefore(unit);
            unit.Describe(displayName, country, kind);
            return unit;
        }, Token(context));
    }

    private async Task<Units.Unit> FindUnitAsync(string field, string? name, CancellationToken ct)
    {
        var ids = ResourceName.Parse(field, name, "missions", "units");
        return await db.Units.SingleOrDefaultAsync(u => u.MissionId == ids[0] && u.Id == ids[1], ct)
            ?? throw new NotFoundException("missionops.un.org/Unit", $"missions/{ids[0]}/units/{ids[1]}");
    }

    private Task<int> StrengthAsync(Units.Unit unit, CancellationToken ct) =>
        db.Personnel.CountAsync(p => p.MissionId == unit.MissionId && p.UnitId == unit.Id, ct);
}
