using MissionOps.Personnel.Roster;
using MissionOps.ServiceDefaults.Contracts;
using ResidualGroup = MissionOps.Personnel.V1.ResidualGroup;

namespace MissionOps.Personnel.Tests.Domain;

public sealed class ResidualRosterTests
{
    private const string Sevare = "missions/minusma/sites/sevare";

    private static readonly ResidualRosterEntry Guard = ResidualRosterEntry.Create("minusma", "guard", ResidualGroup.GuardUnit,
        new Text("Guard", "Garde"), Sevare, new DateOnly(2024, 1, 31), new DateTimeOffset(2023, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_entry_exempts_its_person_at_its_site_up_to_and_including_its_end_date()
    {
        Assert.True(Guard.Exempts(Sevare, new DateOnly(2023, 12, 9)));
        Assert.True(Guard.Exempts(Sevare, new DateOnly(2024, 1, 31)));
    }

    [Fact]
    public void After_its_end_date_or_at_another_site_the_person_is_not_exempt()
    {
        Assert.False(Guard.Exempts(Sevare, new DateOnly(2024, 2, 1)));
        Assert.False(Guard.Exempts("missions/minusma/sites/bamako-hq", new DateOnly(2023, 12, 9)));
    }
}
