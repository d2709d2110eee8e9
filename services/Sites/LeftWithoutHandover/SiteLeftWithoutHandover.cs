using MissionOps.Sites.Closure;
using LeftCircumstance = MissionOps.Sites.V1.LeftCircumstance;

namespace MissionOps.Sites.LeftWithoutHandover;

/// <summary>
/// A site's end when no handover will ever come (abandoned, seized, destroyed): why, when, what was
/// left there, the board that accounts for the loss, and the approver who authorised it.
/// </summary>
public sealed record SiteLeftWithoutHandover(
    LeftCircumstance Circumstance,
    DateOnly LeftDate,
    Text Reason,
    IReadOnlyList<ItemLeftInPlace> ItemsLeft,
    string BoardReference,
    string AuthorisedBy,
    DateTimeOffset RecordTime);
