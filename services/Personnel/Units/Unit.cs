using UnitKind = MissionOps.Personnel.V1.UnitKind;

namespace MissionOps.Personnel.Units;

/// <summary>
/// A unit of a contributing country; a movement of the unit moves the members it has when the
/// movement is planned.
/// </summary>
public sealed class Unit : Aggregate<UnitEvent>, IAggregate, IHasEtag
{
    private Unit()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Id { get; private set; } = string.Empty;

    public Text DisplayName { get; private set; } = Text.Empty;

    public string CountryCode { get; private set; } = string.Empty;

    public UnitKind Kind { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public uint Version { get; private set; }

    /// <summary>How many members the unit had when it was last changed; not stored, people's records say it.</summary>
    public int Strength { get; private set; }

    public string Name => $"missions/{MissionId}/units/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Unit Create(string missionId, string id, Text displayName, string countryCode, UnitKind kind, DateTimeOffset now) => Raising(new Unit
    {
        MissionId = missionId,
        Id = id,
        DisplayName = displayName,
        CountryCode = countryCode,
        Kind = kind,
        CreateTime = now,
    }, UnitEvent.Created);

    public void Describe(Text displayName, string countryCode, UnitKind kind)
    {
        DisplayName = displayName;
        CountryCode = countryCode;
        Kind = kind;
        Raise(UnitEvent.Updated);
    }

    /// <summary>Counts its members as they are now, for the unit's image.</summary>
    public void Counted(int strength) => Strength = strength;

    /// <summary>Members joined or left: the unit's strength is now <paramref name="strength"/>.</summary>
    public void Recounted(int strength)
    {
        if (strength != Strength)
        {
            Strength = strength;
            Raise(UnitEvent.StrengthChanged);
        }
    }
}
