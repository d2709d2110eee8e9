namespace MissionOps.Projects.Iati;

/// <summary>
/// One publication of a mission's IATI activities file, its edition numbered from 1 in the order published (id <c>edition-3</c>). Public once made and
/// never changed: the IATI Registry and every mirror may hold its URL for ever.
/// </summary>
public sealed class IatiPublication : Aggregate<IatiPublicationEvent>, IAggregate
{
    private IatiPublication()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public int Number { get; private set; }

    public DateTimeOffset PublishTime { get; private set; }

    public int ActivityCount { get; private set; }

    public string ReportingOrgRef { get; private set; } = string.Empty;

    public string Sha256 { get; private set; } = string.Empty;

    public long SizeBytes { get; private set; }

    public string Id => IdOf(Number);

    public string Name => $"missions/{MissionId}/iatiPublications/{Id}";

    public string FilePath => PublishedIati.PublicationPath(MissionId, Number);

    public static string IdOf(int number) => $"edition-{number}";

    /// <summary>The edition an id names (<c>edition-3</c> is 3), or null.</summary>
    public static int? NumberOf(string id) =>
        id.StartsWith("edition-", StringComparison.Ordinal)
        && int.TryParse(id["edition-".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && IdOf(number) == id
            ? number
            : null;

    public static IatiPublication Publish(string missionId, int number, IatiFile file, DateTimeOffset at) => Raising(new IatiPublication
    {
        MissionId = missionId,
        Number = number,
        PublishTime = at,
        ActivityCount = file.ActivityCount,
        ReportingOrgRef = file.ReportingOrgRef,
        Sha256 = file.Sha256,
        SizeBytes = file.Xml.LongLength,
    }, IatiPublicationEvent.Published);
}
