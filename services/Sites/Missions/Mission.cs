namespace MissionOps.Sites.Missions;

/// <summary>A field mission under a mandate; the root every site, region and phase hangs from.</summary>
public sealed class Mission : Aggregate<MissionEvent>, IAggregate
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

    string IAggregate.MissionId => Id;

    public static Mission Create(string id, Text displayName, string hostCountryCode, DateOnly mandateStart,
        DateOnly? mandateEnd, DateOnly? liquidationStart, DateTimeOffset now) => Raising(new Mission
    {
        Id = id,
        DisplayName = displayName,
        HostCountryCode = hostCountryCode,
        MandateStartDate = mandateStart,
        MandateEndDate = mandateEnd,
        LiquidationStartDate = liquidationStart,
        CreateTime = now,
        UpdateTime = now,
    }, MissionEvent.Created);
}
