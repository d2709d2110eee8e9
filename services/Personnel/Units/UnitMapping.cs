using MissionOps.ServiceDefaults.Contracts;
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
    };
}
