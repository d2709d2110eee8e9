using ResidualGroup = MissionOps.Personnel.V1.ResidualGroup;

namespace MissionOps.Personnel.Roster;

/// <summary>
/// What a residual roster entry says of the person's retention and may be corrected later, checked alike on create and
/// update. The site is checked against the Sites service apart, as only the endpoint can ask it.
/// </summary>
public sealed record RetentionTerms(ResidualGroup Group, Text Role, string Site, DateOnly EndDate)
{
    public static RetentionTerms Of(RequestValidator v, V1.ResidualRosterEntry input) =>
        new(v.Enum("residual_roster_entry.group", input.Group), v.Bilingual("residual_roster_entry.role", input.Role), input.Site,
            v.Date("residual_roster_entry.end_date", input.EndDate));
}
