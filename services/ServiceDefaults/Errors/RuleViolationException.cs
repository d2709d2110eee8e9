using MissionOps.Common.V1;

namespace MissionOps.ServiceDefaults.Errors;

/// <summary>
/// The domain forbids the change in the resource's current state; answered FAILED_PRECONDITION
/// with an <c>ErrorInfo</c> reason and a <c>PreconditionFailure</c> listing what is missing.
/// </summary>
public sealed class RuleViolationException(ErrorReason reason, string message, IReadOnlyList<MissingItem>? missing = null)
    : Exception(message)
{
    /// <summary>A stable, upper-snake-case reason partners can branch on (<c>SITE_NOT_CLOSED</c>).</summary>
    public ErrorReason Reason { get; } = reason;

    public IReadOnlyList<MissingItem> Missing { get; } = missing ?? [];
}

/// <summary>One thing that blocks a change: its type (<c>HANDOVER_DOCUMENT</c>), what it is, and why it matters.</summary>
public sealed record MissingItem(ErrorReason Type, string Subject, string Description);
