namespace MissionOps.Liquidation.Disposals;

/// <summary>
/// A site the mission left without handover, as Sites recorded it: what the mission's assets there
/// are written off against. The approver who authorised it approves the write-off, and the board's
/// reference is the disposal record's.
/// </summary>
public sealed record SiteLoss(string Site, Text SiteName, Text Circumstance, DateOnly LeftDate, string BoardReference, string AuthorisedBy,
    DateOnly AuthorisedDate)
{
    /// <summary>Nobody received what was left: the record names the site and what became of it.</summary>
    public Text Counterparty => new($"None: left at {SiteName.En} ({Circumstance.En})", $"Aucune : laissé à {SiteName.Fr} ({Circumstance.Fr})");
}
