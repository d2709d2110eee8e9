using Component = MissionOps.Personnel.V1.Component;
using Category = MissionOps.Personnel.V1.Category;

namespace MissionOps.Personnel.People;

/// <summary>A member of the mission, from the day they arrived at their first site.</summary>
public sealed class Person
{
    private Person()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    public string IndexNumber { get; private set; } = string.Empty;

    public string FullName { get; private set; } = string.Empty;

    public Component Component { get; private set; }

    public Category Category { get; private set; }

    public string CountryCode { get; private set; } = string.Empty;

    public string? UnitId { get; private set; }

    /// <summary>The Sites resource name of the first site (<c>missions/minusma/sites/sevare</c>).</summary>
    public string AssignedSite { get; private set; } = string.Empty;

    public DateOnly AssignmentDate { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/personnel/{Id}";

    public static Person Create(string missionId, string id, string indexNumber, string fullName, Component component, Category category,
        string countryCode, string? unitId, string assignedSite, DateOnly assignmentDate, DateTimeOffset now) => new()
    {
        MissionId = missionId,
        Id = id,
        IndexNumber = indexNumber,
        FullName = fullName,
        Component = component,
        Category = category,
        CountryCode = countryCode,
        UnitId = unitId,
        AssignedSite = assignedSite,
        AssignmentDate = assignmentDate,
        CreateTime = now,
    };
}
