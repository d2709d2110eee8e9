namespace MissionOps.ServiceDefaults.Errors;

/// <summary>The request is malformed; answered INVALID_ARGUMENT with a <c>BadRequest</c> listing every violation.</summary>
public sealed class InvalidArgumentException(IReadOnlyList<FieldViolation> violations)
    : Exception(Describe(violations))
{
    public InvalidArgumentException(string field, string description)
        : this([new FieldViolation(field, description)])
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    private static string Describe(IReadOnlyList<FieldViolation> violations) =>
        "Invalid request: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
}
