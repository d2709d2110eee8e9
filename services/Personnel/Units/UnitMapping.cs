using MissionOps.Personnel.People;
using V1 = MissionOps.Personnel.V1;

namespace MissionOps.Personnel.Units;

public static class UnitMapping
{
    public static V1.Unit ToProto(this Unit unit, int strength) => new()
    {
        Name = unit.Name,
        DisplayName = unit.DisplayName.ToProto(),
        CountryCode = unit.CountryCode,
        Kind = unit.Kind,
        Strength = strength,
        CreateTime = unit.CreateTime.ToProto(),
        Etag = unit.Etag,
    };

    /// <summary>What describes a unit, checked alike on create and update.</summary>
    public static (Text DisplayName, string CountryCode, V1.UnitKind Kind) Parse(RequestValidator v, V1.Unit input) => (
        v.Bilingual("unit.display_name", input.DisplayName),
        v.CountryCode("unit.country_code", input.CountryCode),
        v.Enum("unit.kind", input.Kind));
}
