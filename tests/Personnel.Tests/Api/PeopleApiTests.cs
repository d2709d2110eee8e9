using Grpc.Core;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class PeopleApiTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public async Task A_person_is_at_their_assigned_site_until_they_move()
    {
        await HireAsync("amadou");

        var person = await Client.GetPersonAsync(new GetPersonRequest { Name = $"{Minusma}/personnel/amadou" });

        Assert.Equal(Sevare, person.CurrentSite);
        Assert.False(person.Repatriated);
        Assert.Equal("Aïssata Traoré", person.FullName);
    }

    [Fact]
    public async Task A_site_unknown_to_the_Sites_service_is_refused_by_field()
    {
        var request = CreatePerson("amadou", site: "missions/minusma/sites/menaka");

        var violations = await RpcAssert.InvalidArgument(() => Client.CreatePersonAsync(request).ResponseAsync, "person.assigned_site");

        Assert.Contains("does not exist in the Sites service", violations[0].Description);
        await RpcAssert.Fails(StatusCode.NotFound, () => Client.GetPersonAsync(new GetPersonRequest { Name = $"{Minusma}/personnel/amadou" }).ResponseAsync);
    }

    [Fact]
    public async Task Every_bad_field_is_named()
    {
        var request = CreatePerson("Amadou!");
        request.Person.IndexNumber = "MNS-1";
        request.Person.Category = Category.FormedPoliceUnit;
        request.Person.CountryCode = "Senegal";
        request.Person.FullName = " ";
        request.Person.AssignmentDate = Day(2023, 2, 31);

        await RpcAssert.InvalidArgument(() => Client.CreatePersonAsync(request).ResponseAsync,
            "person_id", "person.category", "person.country_code", "person.full_name", "person.assignment_date");
    }

    // ZZ is no country; AN (Netherlands Antilles) was withdrawn from ISO 3166-1 in 2010.
    [Theory]
    [InlineData("ZZ")]
    [InlineData("AN")]
    public async Task A_nationality_or_unit_country_not_in_ISO_3166_is_refused_with_its_value(string code)
    {
        var person = CreatePerson("amadou");
        person.Person.CountryCode = code;
        var unit = CreateUnit("mopti-company");
        unit.Unit.CountryCode = code;

        var personViolations = await RpcAssert.InvalidArgument(() => Client.CreatePersonAsync(person).ResponseAsync, "person.country_code");
        var unitViolations = await RpcAssert.InvalidArgument(() => Client.CreateUnitAsync(unit).ResponseAsync, "unit.country_code");

        Assert.Contains($"'{code}'", personViolations[0].Description, StringComparison.Ordinal);
        Assert.Contains($"'{code}'", unitViolations[0].Description, StringComparison.Ordinal);
        Assert.Empty((await Client.ListPersonnelAsync(new ListPersonnelRequest { Parent = Minusma })).Personnel);
    }

    [Fact]
    public async Task An_index_number_belongs_to_one_person()
    {
        await HireAsync("amadou");
        var twin = CreatePerson("amadou-2");
        twin.Person.IndexNumber = "MNS-amadou";

        await RpcAssert.InvalidArgument(() => Client.CreatePersonAsync(twin).ResponseAsync, "person.index_number");
        await RpcAssert.Fails(StatusCode.AlreadyExists, () => Client.CreatePersonAsync(CreatePerson("amadou")).ResponseAsync);
    }

    [Fact]
    public async Task Personnel_list_by_unit_and_category_and_units_count_their_members()
    {
        await Client.CreateUnitAsync(CreateUnit("sevare-battalion"));
        await HireAsync("a1", unit: $"{Minusma}/units/sevare-battalion");
        await HireAsync("a2", unit: $"{Minusma}/units/sevare-battalion");
        await HireAsync("c1", category: Category.NationalCivilian);

        var battalion = await Client.ListPersonnelAsync(new ListPersonnelRequest { Parent = Minusma, Unit = $"{Minusma}/units/sevare-battalion" });
        var civilians = await Client.ListPersonnelAsync(new ListPersonnelRequest { Parent = Minusma, Category = Category.NationalCivilian });
        var unit = await Client.GetUnitAsync(new GetUnitRequest { Name = $"{Minusma}/units/sevare-battalion" });

        Assert.Equal(new[] { "a1", "a2" }, battalion.Personnel.Select(p => p.Name.Split('/')[^1]));
        Assert.Equal("c1", Assert.Single(civilians.Personnel).Name.Split('/')[^1]);
        Assert.Equal(2, unit.Strength);
        Assert.Equal(2, Assert.Single((await Client.ListUnitsAsync(new ListUnitsRequest { Parent = Minusma })).Units).Strength);
    }

    [Fact]
    public async Task A_member_of_an_unknown_unit_is_refused()
    {
        var request = CreatePerson("amadou");
        request.Person.Unit = $"{Minusma}/units/nowhere";

        await RpcAssert.InvalidArgument(() => Client.CreatePersonAsync(request).ResponseAsync, "person.unit");
    }
}
