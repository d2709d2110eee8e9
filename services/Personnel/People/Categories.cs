using Category = MissionOps.Personnel.V1.Category;
using Component = MissionOps.Personnel.V1.Component;

namespace MissionOps.Personnel.People;

/// <summary>Each personnel category belongs to one component.</summary>
public static class Categories
{
    public static Component ComponentOf(Category category) => category switch
    {
        Category.Contingent or Category.StaffOfficer => Component.Military,
        Category.IndividualPolice or Category.FormedPoliceUnit => Component.Police,
        Category.InternationalCivilian or Category.NationalCivilian or Category.Volunteer or Category.Contractor => Component.Civilian,
        _ => Component.Unspecified,
    };
}
