using Category = MissionOps.Personnel.V1.Category;
using Component = MissionOps.Personnel.V1.Component;

namespace MissionOps.Personnel.People;

/// <summary>What a person's record says of them apart from who they are and where they started: what may be corrected.</summary>
public sealed record PersonDescription(string FullName, Component Component, Category Category, string CountryCode, string? UnitId);
