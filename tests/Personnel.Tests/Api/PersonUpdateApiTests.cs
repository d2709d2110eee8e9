using Grpc.Core;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class PersonUpdateApiTests(PersonnelApp app) : PersonnelApiTest(app)
{
    private Task<Person> GetAsync(string id) => Client.GetPersonAsync(new GetPersonRequest { Name = PersonName(id) }).ResponseAsync;

    private static UpdatePersonRequest Renaming(Person person, string fullName, string? etag = null)
    {
        var change = person.Clone();
        change.FullName = fullName;
        var request = UpdatePerson(change, "full_name");
        request.Etag = etag ?? string.Empty;
        return request;
    }

    [Fact]
    public async Task A_misspelt_name_and_a_wrong_unit_are_corrected_and_nothing_outside_the_mask()
    {
        await Client.CreateUnitAsync(CreateUnit("sevare-battalion"));
        await Client.CreateUnitAsync(CreateUnit("mopti-company"));
        var hired = await HireAsync("amadou", unit: UnitName("sevare-battalion"));
        var change = hired.Clone();
        change.FullName = "Aïssata Traore";
        change.Unit = UnitName("mopti-company");
        change.CountryCode = "TD";

        var updated = await Client.UpdatePersonAsync(UpdatePerson(change, "full_name", "unit"));

        Assert.Equal(("Aïssata Traore", UnitName("mopti-company"), "SN"), (updated.FullName, updated.Unit, updated.CountryCode));
        Assert.Equal(Sevare, updated.CurrentSite);
        Assert.NotEqual(hired.Etag, updated.Etag);
        Assert.Equal(updated, await GetAsync("amadou"));
        Assert.Equal(0, (await Client.GetUnitAsync(new GetUnitRequest { Name = UnitName("sevare-battalion") })).Strength);
        Assert.Equal(1, (await Client.GetUnitAsync(new GetUnitRequest { Name = UnitName("mopti-company") })).Strength);
    }

    [Fact]
    public async Task Where_a_person_started_and_their_index_number_are_refused_by_path()
    {
        var hired = await HireAsync("amadou");
        var change = hired.Clone();
        change.AssignedSite = Headquarters;
        change.AssignmentDate = Day(2022, 6, 1);
        change.IndexNumber = "MNS-other";
        change.FullName = "Aïssata Traore";

        var violations = await RpcAssert.InvalidArgument(
            () => Client.UpdatePersonAsync(UpdatePerson(change, "full_name", "assigned_site", "assignment_date", "index_number", "current_site")).ResponseAsync,
            "update_mask");

        Assert.Equal(4, violations.Count);
        Assert.Contains(violations, v => v.Description.Contains("'assigned_site'", StringComparison.Ordinal));
        Assert.Equal(hired, await GetAsync("amadou"));
        await RpcAssert.InvalidArgument(() => Client.UpdatePersonAsync(UpdatePerson(change)).ResponseAsync, "update_mask");
    }

    [Fact]
    public async Task A_category_must_belong_to_the_component_as_it_stands_after_the_update()
    {
        var hired = await HireAsync("amadou");
        var change = hired.Clone();
        change.Category = Category.NationalCivilian;
        change.Component = Component.Civilian;

        await RpcAssert.InvalidArgument(() => Client.UpdatePersonAsync(UpdatePerson(change, "category")).ResponseAsync, "person.category");
        await RpcAssert.InvalidArgument(() => Client.UpdatePersonAsync(UpdatePerson(change, "component")).ResponseAsync, "person.category");
        Assert.Equal(hired, await GetAsync("amadou"));

        var staffOfficer = hired.Clone();
        staffOfficer.Category = Category.StaffOfficer;
        Assert.Equal(Category.StaffOfficer, (await Client.UpdatePersonAsync(UpdatePerson(staffOfficer, "category"))).Category);
        var civilian = await Client.UpdatePersonAsync(UpdatePerson(change, "component", "category"));

        Assert.Equal((Component.Civilian, Category.NationalCivilian), (civilian.Component, civilian.Category));
        var line = Assert.Single((await Client.GetHeadcountAsync(HeadcountAt(Day(2023, 6, 1)))).Lines);
        Assert.Equal((Component.Civilian, Category.NationalCivilian), (line.Component, line.Category));
    }

    [Fact]
    public async Task Every_bad_value_in_the_mask_is_named()
    {
        var hired = await HireAsync("amadou");
        var change = hired.Clone();
        change.FullName = " ";
        change.CountryCode = "Senegal";
        change.Unit = "missions/other/units/sevare-battalion";
        change.Component = (Component)42;

        await RpcAssert.InvalidArgument(() => Client.UpdatePersonAsync(UpdatePerson(change, "full_name", "country_code", "unit", "component")).ResponseAsync,
            "person.full_name", "person.country_code", "person.unit", "person.component");
        Assert.Equal(hired, await GetAsync("amadou"));
    }

    [Fact]
    public async Task A_person_leaves_their_unit_when_the_unit_is_sent_empty()
    {
        await Client.CreateUnitAsync(CreateUnit("sevare-battalion"));
        var hired = await HireAsync("amadou", unit: UnitName("sevare-battalion"));
        hired.Unit = string.Empty;

        var updated = await Client.UpdatePersonAsync(UpdatePerson(hired, "unit"));

        Assert.Empty(updated.Unit);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_changes_nothing()
    {
        var hired = await HireAsync("amadou");
        var updated = await Client.UpdatePersonAsync(Renaming(hired, "Aïssata Traore", hired.Etag));

        var error = await RpcAssert.Fails(StatusCode.Aborted,
            () => Client.UpdatePersonAsync(Renaming(hired, "Aissata Traoré", hired.Etag)).ResponseAsync);

        Assert.Equal("ETAG_MISMATCH", RpcAssert.Reason(error));
        Assert.Equal(updated, await GetAsync("amadou"));
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_changes_nothing_twice()
    {
        var hired = await HireAsync("amadou");
        var update = Renaming(hired, "Aïssata Traore");
        var answered = await Client.UpdatePersonAsync(update);
        var later = await Client.UpdatePersonAsync(Renaming(hired, "Aissata Traoré"));

        var retried = await Client.UpdatePersonAsync(update);

        Assert.Equal(answered, retried);
        Assert.Equal(later, await GetAsync("amadou"));
    }

    [Fact]
    public async Task An_unknown_person_is_not_found()
    {
        var update = Renaming(await HireAsync("amadou"), "Aïssata Traore");
        update.Person.Name = PersonName("nobody");

        await RpcAssert.Fails(StatusCode.NotFound, () => Client.UpdatePersonAsync(update).ResponseAsync);
    }

    [Fact]
    public async Task Movements_keep_the_people_they_were_planned_with_when_a_person_changes_unit()
    {
        await Client.CreateUnitAsync(CreateUnit("sevare-battalion"));
        await Client.CreateUnitAsync(CreateUnit("mopti-company"));
        await HireAsync("a1", unit: UnitName("sevare-battalion"));
        var a2 = await HireAsync("a2", unit: UnitName("sevare-battalion"));
        await Client.CreateMovementAsync(MoveUnit("battalion-convoy", "sevare-battalion", Sevare, Headquarters, Day(2030, 1, 10)));

        a2.Unit = UnitName("mopti-company");
        await Client.UpdatePersonAsync(UpdatePerson(a2, "unit"));
        var companyConvoy = await Client.CreateMovementAsync(MoveUnit("company-convoy", "mopti-company", Headquarters, Douentza, Day(2030, 2, 10)));

        var battalionConvoy = await Client.GetMovementAsync(new GetMovementRequest { Name = MovementName("battalion-convoy") });
        Assert.Equal((2, 1), (battalionConvoy.PeopleCount, companyConvoy.PeopleCount));
        var afterBattalion = await Client.GetHeadcountAsync(HeadcountAt(Day(2030, 1, 20)));
        Assert.Equal((Headquarters, 2), (Assert.Single(afterBattalion.Lines).Site, afterBattalion.Total));
    }
}
