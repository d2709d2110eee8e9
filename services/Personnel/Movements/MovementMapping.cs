using MissionOps.ServiceDefaults.Contracts;
using V1 = MissionOps.Personnel.V1;

namespace MissionOps.Personnel.Movements;

public static class MovementMapping
{
    public static V1.Movement ToProto(this Movement movement)
    {
        var proto = new V1.Movement
        {
            Name = movement.Name,
            Kind = movement.Kind,
            Mode = movement.Mode,
            OriginSite = movement.OriginSite,
            DestinationSite = movement.DestinationSite ?? string.Empty,
            PlannedDate = movement.PlannedDate.ToProto(),
            DepartureDate = movement.DepartureDate.ToProto(),
            ArrivalDate = movement.ArrivalDate.ToProto(),
            State = movement.State,
            HoldReason = movement.HoldReason?.ToProto(),
            CancelReason = movement.CancelReason?.ToProto(),
            PeopleCount = movement.PeopleCount,
            ManifestId = movement.ManifestId ?? string.Empty,
            CreateTime = movement.CreateTime.ToProto(),
            UpdateTime = movement.UpdateTime.ToProto(),
            Etag = movement.Etag,
        };
        if (movement.PersonId is not null)
        {
            proto.Person = $"missions/{movement.MissionId}/personnel/{movement.PersonId}";
        }
        else if (movement.UnitId is not null)
        {
            proto.Unit = $"missions/{movement.MissionId}/units/{movement.UnitId}";
        }

        return proto;
    }
}
