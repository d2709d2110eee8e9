namespace MissionOps.Personnel.People;

/// <summary>Where a person is on a day: at a site, or repatriated once they have left the mission.</summary>
public sealed record PersonWhereabouts(string? CurrentSite, bool Repatriated);
