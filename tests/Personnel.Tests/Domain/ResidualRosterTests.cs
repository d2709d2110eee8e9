using MissionOps.Personnel.Roster;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using ResidualGroup = MissionOps.Personnel.V1.ResidualGroup;

namespace MissionOps.Personnel.Tests.Domain;

public sealed class ResidualRosterTests
{
    private const string Sevare = "missions/minusma/sites/sevare";

    private static readonly DateTimeOffset Now = new(2023, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly ResidualRosterEntry Guard = NewGuard();

    private static ResidualRosterEntry NewGuard() =>
        ResidualRosterEntry.Create("minusma", "guard", new RetentionTerms(ResidualGroup.GuardUnit, new Text("Guard", "Garde"), Sevare, new DateOnly(2024, 1, 31)), Now);

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

    [Fact]
    public void A_deleted_entry_exempts_nowhere_until_it_is_undeleted()
    {
        var guard = NewGuard();

        guard.Delete(Now);
        var whileDeleted = guard.Exempts(Sevare, new DateOnly(2023, 12, 9));
        guard.Undelete();

        Assert.False(whileDeleted);
        Assert.True(guard.Exempts(Sevare, new DateOnly(2023, 12, 9)));
    }

    [Fact]
    public void A_deleted_entry_is_corrected_or_deleted_again_only_once_undeleted()
    {
        var guard = NewGuard();
        var terms = new RetentionTerms(ResidualGroup.LiquidationTeam, new Text("Clerk", "Commis"), Sevare, new DateOnly(2024, 3, 31));

        guard.Delete(Now);

        Assert.Equal(ErrorReason.ResourceDeleted, Assert.Throws<RuleViolationException>(() => guard.Correct(terms)).Reason);
        Assert.Equal(ErrorReason.ResourceDeleted, Assert.Throws<RuleViolationException>(() => guard.Delete(Now)).Reason);
        guard.Undelete();
        Assert.Equal(ErrorReason.ResourceNotDeleted, Assert.Throws<AlreadyExistsException>(guard.Undelete).Reason);
        guard.Correct(terms);
        Assert.Equal((ResidualGroup.LiquidationTeam, new DateOnly(2024, 3, 31)), (guard.Group, guard.EndDate));
    }
}
