namespace MissionOps.Sites.Missions;

/// <summary>A field mission under a mandate; the root every site, region and phase hangs from.</summary>
public sealed class Mission : Aggregate<MissionEvent>, IAggregate, IHasEtag
{
    private Mission()
    {
    }

    public string Id { get; private set; } = string.Empty;

    public Text DisplayName { get; private set; } = Text.Empty;

    public string HostCountryCode { get; private set; } = string.Empty;

    public DateOnly MandateStartDate { get; private set; }

    public DateOnly? MandateEndDate { get; private set; }

    public DateOnly? LiquidationStartDate { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    string IAggregate.MissionId => Id;

    public static Mission Create(string id, string hostCountryCode, MissionTerms terms, DateTimeOffset now) =>
        Raising(new Mission { Id = id, HostCountryCode = hostCountryCode, CreateTime = now }.With(terms, now), MissionEvent.Created);

    /// <summary>
    /// Corrects the mission, or records what the Council decided since (the mandate's end, the liquidation's start).
    /// The host country stays: every region's P-codes and every site's location were checked against it.
    /// </summary>
    public void Correct(MissionTerms terms, DateTimeOffset now)
    {
        With(terms, now);
        Raise(MissionEvent.Updated);
    }

    private Mission With(MissionTerms terms, DateTimeOffset now)
    {
        (DisplayName, MandateStartDate, MandateEndDate, LiquidationStartDate) = (terms.DisplayName, terms.MandateStart, terms.MandateEnd, terms.LiquidationStart);
        UpdateTime = now;
        return this;
    }
}
