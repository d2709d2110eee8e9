using MissionOps.Personnel.People;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Errors;
using Person = MissionOps.Personnel.People.Person;
using ErrorReason = MissionOps.Common.V1.ErrorReason;

namespace MissionOps.Personnel.Tests.Domain;

public sealed class PersonCorrectionTests
{
    private static readonly DateTimeOffset Now = new(2023, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly PersonDescription Soldier = new("Aïssata Traoré", Component.Military, Category.Contingent, "SN", "sevare-battalion");

    private static Person Hired() =>
        Person.Create("minusma", "amadou", "MNS-1", Soldier, "missions/minusma/sites/sevare", new DateOnly(2023, 1, 15), Now);

    [Fact]
    public void A_correction_changes_the_description_and_never_where_the_person_started()
    {
        var person = Hired();

        person.Correct(new PersonDescription("Aïssata Traore", Component.Civilian, Category.NationalCivilian, "ML", null));

        Assert.Equal(("Aïssata Traore", Component.Civilian, Category.NationalCivilian, "ML", (string?)null),
            (person.FullName, person.Component, person.Category, person.CountryCode, person.UnitId));
        Assert.Equal(("MNS-1", "missions/minusma/sites/sevare", new DateOnly(2023, 1, 15)), (person.IndexNumber, person.AssignedSite, person.AssignmentDate));
    }

    [Fact]
    public void A_category_of_another_component_is_refused_and_changes_nothing()
    {
        var person = Hired();

        var error = Assert.Throws<RuleBreachException>(() => person.Correct(Soldier with { FullName = "X", Category = Category.NationalCivilian }));

        Assert.Equal((ErrorReason.CategoryOfAnotherComponent, "category"), (error.Breach.Rule, error.Breach.Attribute));
        Assert.Equal((Soldier.FullName, Category.Contingent), (person.FullName, person.Category));
    }

    [Fact]
    public void A_person_cannot_be_created_in_a_category_of_another_component()
    {
        Assert.Throws<RuleBreachException>(() => Person.Create("minusma", "amadou", "MNS-1", Soldier with { Component = Component.Police },
            "missions/minusma/sites/sevare", new DateOnly(2023, 1, 15), Now));
    }
}
