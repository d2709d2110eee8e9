namespace MissionOps.Sites.Regions;

/// <summary>A region of the host country with its districts, for one version of the P-code set.</summary>
public sealed class Region : Aggregate<RegionEvent>, IAggregate
{
    private Region()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    public string Pcode { get; private set; } = string.Empty;

    public string PcodeVersion { get; private set; } = string.Empty;

    public Text DisplayName { get; private set; } = Text.Empty;

    public IReadOnlyList<District> Districts { get; private set; } = [];

    public DateTimeOffset CreateTime { get; private set; }

    public string Name => $"missions/{MissionId}/regions/{Id}";

    /// <summary>The region id is derived from its code and version (<c>ml05-v2019</c>), so one code has one record per version.</summary>
    public static string IdFor(string pcode, string pcodeVersion) =>
        $"{pcode}-v{pcodeVersion}".ToLowerInvariant().Replace('.', '-').Replace('_', '-');

    public static Region Create(string missionId, string pcode, string pcodeVersion, Text displayName,
        IReadOnlyList<District> districts, DateTimeOffset now) => Raising(new Region
    {
        MissionId = missionId,
        Id = IdFor(pcode, pcodeVersion),
        Pcode = pcode,
        PcodeVersion = pcodeVersion,
        DisplayName = displayName,
        Districts = districts,
        CreateTime = now,
    }, RegionEvent.Created);

    public bool HasDistrict(string pcode) => Districts.Any(d => d.Pcode == pcode);
}

public sealed record District(string Pcode, Text DisplayName);
