using V1 = MissionOps.Personnel.V1;

namespace MissionOps.Personnel.Roster;

public static class ResidualRosterMapping
{
    public static V1.ResidualRosterEntry ToProto(this ResidualRosterEntry entry) => new()
    {
        Name = entry.Name,
        Person = $"missions/{entry.MissionId}/personnel/{entry.PersonId}",
        Group = entry.Group,
        Role = entry.Role.ToProto(),
        Site = entry.Site,
        EndDate = entry.EndDate.ToProto(),
        Etag = entry.Etag,
        DeleteTime = entry.DeleteTime?.ToProto(),
    };
}
