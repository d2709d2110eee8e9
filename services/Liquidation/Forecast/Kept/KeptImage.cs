namespace MissionOps.Liquidation.Forecast.Kept;

/// <summary>
/// A resource of another service as its feed last showed it (its image, with only what the forecast reads), kept so a
/// forecast reads Liquidation's own tables instead of asking every service. <see cref="ChangeTime"/> is when the event
/// that showed it happened: for a movement held, the day it was held.
/// </summary>
public sealed class KeptImage
{
    public string Name { get; set; } = string.Empty;

    public string MissionId { get; set; } = string.Empty;

    /// <summary>The image's message, by its full name (<c>missionops.sites.v1.Site</c>).</summary>
    public string Type { get; set; } = string.Empty;

    public byte[] Image { get; set; } = [];

    /// <summary>The sequence of the event in its service's feed: an older event never replaces a newer one.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset ChangeTime { get; set; }
}
