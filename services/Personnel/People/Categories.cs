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

    /// <summary>Why the category cannot go with the component, or null when it can (or either is not known, which is refused on its own).</summary>
    public static string? Mismatch(Component component, Category category) =>
        ComponentOf(category) is var expected && expected != Component.Unspecified
        && component != Component.Unspecified && Enum.IsDefined(component) && expected != component
            ? $"{category} is not a category of the {component} component"
            : null;

    public static void EnsureBelongs(Component component, Category category)
    {
        if (Mismatch(component, category) is { } mismatch)
        {
            throw new RuleBreachException(ErrorReason.CategoryOfAnotherComponent, "category", category, mismatch);
        }
    }
}
