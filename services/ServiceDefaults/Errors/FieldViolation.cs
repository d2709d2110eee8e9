using MissionOps.Common.V1;

namespace MissionOps.ServiceDefaults.Errors;

/// <summary>One bad field of a request, named by its proto path (<c>site.display_name.fr</c>).</summary>
public sealed record FieldViolation(string Field, string Description, ErrorReason? Reason = null)
{
    private const int MaxDescription = 500;

    /// <summary>
    /// What is wrong, often quoting what was sent: a value far over any limit is cut in the middle, so the answer
    /// stays within what a client reads of a status (its headers) and still ends with the rule.
    /// </summary>
    public string Description { get; } = Description.Length <= MaxDescription
        ? Description
        : $"{Description[..200]}…({Description.Length - 400} characters left out)…{Description[^200..]}";
}
