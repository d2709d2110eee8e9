using MissionOps.ServiceDefaults.Contracts;
using UnitKind = MissionOps.Personnel.V1.UnitKind;

namespace MissionOps.Personnel.Units;

/// <summary>A unit of a contributing country; a movement of the unit moves all its members.</summary>
public sealed class Unit
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

    public string Name => $"missions/{MissionId}/units/{Id}";

    public static Unit Create(string missionId, string id, Text displayName, string countryCode, UnitKind kind, DateTimeOffset now) => new()
    {
        MissionId = missionId,
        Id = id,
        DisplayName = displayName,
        CountryCode = countryCode,
        Kind = kind,
        CreateTime = now,
    };
}
