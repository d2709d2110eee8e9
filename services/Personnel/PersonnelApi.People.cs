using MissionOps.Personnel.People;
using MissionOps.Personnel.Units;
using MissionOps.Personnel.V1;

namespace MissionOps.Personnel;

public sealed partial class PersonnelApi
{
    private static readonly HashSet<string> UpdatablePersonPaths = ["full_name", "component", "category", "country_code", "unit"];

    public override async Task<V1.Person> CreatePerson(CreatePersonRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var personId = v.ResourceId("person_id", request.PersonId);
        var (missionId, input) = v.Create(request.Parent, request.RequestId, "person", request.Person);

        var indexNumber = PersonMapping.IndexNumber(v, "person.index_number", input.IndexNumber);
        var description = await DescriptionAsync(v, missionId, input, Token(context));
        var assignmentDate = v.Date("person.assignment_date", input.AssignmentDate);
        if (missionId.Length > 0)
        {
            await sites.CheckAsync(v, missionId, [("person.assigned_site", input.AssignedSite)], Token(context));
        }

        v.ThrowIfInvalid();
        var person = People.Person.Create(missionId, personId, indexNumber, description, input.AssignedSite, assignmentDate, Now);
        person.Locate(new PersonWhereabouts(person.AssignmentDate <= Today ? person.AssignedSite : null, Repatriated: false));

        return await changes.CreateAsync<V1.Person, People.Person>(request, [missionId, personId], async ct =>
        {
            if (await db.Personnel.AnyAsync(p => p.MissionId == missionId && p.IndexNumber == indexNumber, ct))
            {
                throw new InvalidArgumentException("person.index_number", $"{indexNumber} is already the index number of someone in missions/{missionId}");
            }

            await UnitStrengths.RecountAsync(db, missionId, [(null, person.UnitId)], ct);
            return person;
        }, Token(context));
    }

    public override Task<V1.Person> GetPerson(GetPersonRequest request, ServerCallContext context) =>
        PersonTodayAsync(ResourceName.Parse("name", request.Name, "missions", "personnel"), Token(context));

    public override async Task<ListPersonnelResponse> ListPersonnel(ListPersonnelRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        var component = v.OptionalEnum("component", request.Component);
        var category = v.OptionalEnum("category", request.Category);
        var unitId = string.IsNullOrEmpty(request.Unit) ? null : v.Name("unit", request.Unit, "missions", "units")[1];
        v.ThrowIfInvalid();

        var fingerprint = $"{component}|{category}|{unitId}";
        var page = PageRequest.Parse(request.PageSize, request.PageToken, fingerprint);
        var query = db.Personnel.AsNoTracking().Where(p => p.MissionId == missionId);
        if (component is { } c)
        {
            query = query.Where(p => p.Component == c);
        }

        if (category is { } k)
        {
            query = query.Where(p => p.Category == k);
        }

        if (unitId is not null)
        {
            query = query.Where(p => p.UnitId == unitId);
        }

        if (page.AfterKey is { } after)
        {
            query = query.Where(p => string.Compare(p.Id, after) > 0);
        }

        var day = Today;
        var rows = await PersonWithLastLeg.On(day, query.OrderBy(p => p.Id).Take(page.Size), db.MovementLegs)
            .ToListAsync(Token(context));
        return new ListPersonnelResponse
        {
            Personnel = { rows.Select(r => r.ToProto(day)) },
            NextPageToken = page.NextToken(rows, r => r.Person.Id, fingerprint),
        };
    }

    public override async Task<V1.Person> UpdatePerson(UpdatePersonRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (_, paths) = v.Update("person", request.Person, request.UpdateMask, request.RequestId, UpdatablePersonPaths, nameof(UpdatePerson));
        var ids = ResourceName.Parse("person.name", request.Person!.Name, "missions", "personnel");
        var current = await PersonTodayAsync(ids, Token(context));
        var description = await DescriptionAsync(v, ids[0], RequestValidator.Merged(current, request.Person, paths), Token(context));
        v.ThrowIfInvalid();

        return await changes.RunAsync<V1.Person>(request, async ct =>
        {
            var person = await FindPersonAsync("person.name", request.Person.Name, ct);
            person.Locate(await WhereaboutsAsync(person, ct));
            changes.RefreshBefore(person);
            var formerUnit = person.UnitId;
            person.Correct(description);
            if (formerUnit != person.UnitId)
            {
                await UnitStrengths.RecountAsync(db, person.MissionId, [(formerUnit, person.UnitId)], ct);
            }

            return person;
        }, Token(context));
    }

    /// <summary>A person as they are today, read with where they are.</summary>
    private async Task<V1.Person> PersonTodayAsync(string[] ids, CancellationToken ct)
    {
        var (today, missionId, id) = (Today, ids[0], ids[1]);
        var people = db.Personnel.AsNoTracking().Where(p => p.MissionId == missionId && p.Id == id);
        var found = await PersonWithLastLeg.On(today, people, db.MovementLegs).SingleOrDefaultAsync(ct) ?? throw PersonNotFound(ids);
        return found.ToProto(today);
    }

    private async Task<PersonWhereabouts> WhereaboutsAsync(People.Person person, CancellationToken ct) =>
        (await headcounts.WhereaboutsAsync(person.MissionId, [person], Today, ct))[person.Id];

    /// <summary>What may be said of a person and corrected later, checked alike on create and update.</summary>
    private async Task<PersonDescription> DescriptionAsync(RequestValidator v, string missionId, V1.Person input, CancellationToken ct)
    {
        var fullName = v.Required("person.full_name", input.FullName, 200);
        var component = v.Enum("person.component", input.Component);
        var category = v.Enum("person.category", input.Category);
        if (Categories.Mismatch(component, category) is { } mismatch)
        {
            v.Add("person.category", mismatch);
        }

        var country = v.CountryCode("person.country_code", input.CountryCode);
        string? unitId = null;
        if (!string.IsNullOrEmpty(input.Unit))
        {
            var unitIds = v.Name("person.unit", input.Unit, "missions", "units");
            unitId = unitIds[1].Length > 0 ? unitIds[1] : null;
            if (unitId is not null && (unitIds[0] != missionId || !await db.Units.AnyAsync(u => u.MissionId == missionId && u.Id == unitId, ct)))
            {
                v.Add("person.unit", $"{input.Unit} is not a unit of missions/{missionId}");
            }
        }

        return new PersonDescription(fullName, component, category, country, unitId);
    }
}
