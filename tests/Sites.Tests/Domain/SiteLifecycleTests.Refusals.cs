using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.Sites.V1;
using DrawdownPhase = MissionOps.Sites.Phases.DrawdownPhase;
using ErrorReason = MissionOps.Common.V1.ErrorReason;

namespace MissionOps.Sites.Tests.Domain;

public sealed partial class SiteLifecycleTests
{
    [Fact]
    public void A_handover_without_a_signatory_for_the_mission_is_refused_naming_the_side()
    {
        var site = Closed();
        var hostOnly = Package() with { Signatories = [Governor] };

        var error = Assert.Throws<RuleViolationException>(() => site.RecordHandover(hostOnly, Now));

        Assert.Equal(ErrorReason.HandoverPackageIncomplete, error.Reason);
        Assert.Equal((ErrorReason.Signatory, "HANDOVER_SIDE_MISSION"), (Assert.Single(error.Missing).Type, error.Missing[0].Subject));
        Assert.Equal(SiteState.Closed, site.State);
    }

    [Fact]
    public void A_handover_ceremony_before_the_closure_is_refused()
    {
        var site = Closed();

        var error = Assert.Throws<RuleBreachException>(() => site.RecordHandover(Package() with { CeremonyDate = Closure.AddDays(-1) }, Now));

        Assert.Equal((ErrorReason.HandoverBeforeClosure, "ceremony_date", "2023-12-07"), (error.Breach.Rule, error.Breach.Attribute, error.Breach.Value));
        Assert.Equal(SiteState.Closed, site.State);
    }

    [Fact]
    public void A_closure_planned_before_the_site_opened_is_refused()
    {
        var site = NewSite();
        var early = DrawdownPhase.Create("minusma", "phase-1", 1, new Text("Phase 1", "Phase 1"), new DateOnly(2013, 1, 1), new DateOnly(2013, 12, 31), Now);

        var error = Assert.Throws<RuleBreachException>(() => site.PlanClosure(early, new DateOnly(2013, 6, 1), Now));

        Assert.Equal((ErrorReason.ClosureBeforeOpening, "planned_closure_date"), (error.Breach.Rule, error.Breach.Attribute));
        Assert.Equal(SiteState.Operational, site.State);
    }

    [Fact]
    public void A_site_cannot_open_after_its_closure_began_nor_replace_itself()
    {
        var site = NewSite();
        site.PlanClosure(Phase2, Closure, Now);
        site.RecordClosureStep(Step(ClosureStepKind.UnEquipmentRemoved), Now);

        var late = Assert.Throws<RuleBreachException>(() => site.Describe(null, null, new DateOnly(2023, 11, 21), null, false, Now));
        var itself = Assert.Throws<RuleBreachException>(() => site.Describe(null, null, null, site.Name, false, Now));

        Assert.Equal((ErrorReason.OpenedAfterClosureActivity, "opening_date"), (late.Breach.Rule, late.Breach.Attribute));
        Assert.Equal((ErrorReason.SiteReplacesItself, "replaced_by"), (itself.Breach.Rule, itself.Breach.Attribute));
        Assert.Equal(new DateOnly(2013, 7, 1), site.OpeningDate);
        Assert.Null(site.ReplacedBy);
    }
}
