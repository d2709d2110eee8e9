namespace MissionOps.ServiceDefaults.Errors;

/// <summary>One bad field of a request, named by its proto path (<c>site.display_name.fr</c>).</summary>
public sealed record FieldViolation(string Field, string Description);
