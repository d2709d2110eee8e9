using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.Sites.V1;
using ItemLeftInPlace = MissionOps.Sites.Closure.ItemLeftInPlace;
using Site = MissionOps.Sites.Sites.Site;
using SiteLeftWithoutHandover = MissionOps.Sites.LeftWithoutHandover.SiteLeftWithoutHandover;
using WhatStayed = MissionOps.Sites.Closure.WhatStayed;
using ErrorReason = MissionOps.Common.V1.ErrorReason;

namespace MissionOps.Sites.Tests.Domain;

/// <summary>A site left in haste (Tessalit, October 2023): its end state instead of a handover.</summary>
public sealed partial class SiteLifecycleTests
{
    private static readonly DateOnly LeftDay = new(2023, 10, 21);

    private static SiteLeftWithoutHandover Left(DateOnly? day = null) => new(
        LeftCircumstance.Destroyed, day ?? LeftDay, new Text("Left under fire", "Quitté sous le feu"),
        [new ItemLeftInPlace(new Text("Vehicles", "Véhicules"), InPlaceDisposition.Destroyed, 12, new Text("No convoy", "Pas de convoi"))],
        "MINUSMA/BOI/2023/031", "approver-1", Now);

    public static TheoryData<string> StatesBeforeAnEnd => ["operational", "closure planned", "closing", "closed"];

    private static Site InState(string state)
    {
        var site = NewSite();
        if (state == "operational")
        {
            return site;
        }

        site.PlanClosure(Phase2, Closure, Now);
        if (state != "closure planned")
        {
            site.RecordClosureStep(Step(ClosureStepKind.ContingentEquipmentWithdrawn, new DateOnly(2023, 10, 1)), Now);
        }

        if (state == "closed")
        {
            site.RecordEmergencyClosure(new DateOnly(2023, 10, 15), new Text("Attack", "Attaque"), [], null, new WhatStayed(0, [], true), "approver-1", Now);
        }

        return site;
    }

    [Theory]
    [MemberData(nameof(StatesBeforeAnEnd))]
    public void A_site_may_be_left_without_handover_from_any_state_before_an_end(string state)
    {
        var site = InState(state);
        var closedBefore = site.ClosingDate;

        site.RecordLeftWithoutHandover(Left(), Now);

        Assert.Equal(SiteState.LeftWithoutHandover, site.State);
        Assert.Equal("MINUSMA/BOI/2023/031", site.LeftWithoutHandover!.BoardReference);
        Assert.Equal(closedBefore ?? LeftDay, site.ClosingDate);
    }

    [Fact]
    public void Nothing_follows_a_site_left_without_handover()
    {
        var site = NewSite();
        site.RecordLeftWithoutHandover(Left(), Now);

        Assert.Equal(ErrorReason.SiteAlreadyLeft, Assert.Throws<RuleViolationException>(() => site.RecordLeftWithoutHandover(Left(), Now)).Reason);
        Assert.Equal(ErrorReason.SiteAlreadyLeft, Assert.Throws<RuleViolationException>(() => site.RecordHandover(Package(), Now)).Reason);
        Assert.Equal(ErrorReason.SiteClosed, Assert.Throws<RuleViolationException>(() => site.PlanClosure(Phase2, Closure, Now)).Reason);
        Assert.Equal(ErrorReason.SiteClosed, Assert.Throws<RuleViolationException>(
            () => site.RecordEmergencyClosure(Closure, new Text("a", "a"), [], null, new WhatStayed(0, [], true), "approver-1", Now)).Reason);
        Assert.Equal(SiteState.LeftWithoutHandover, site.State);
    }

    [Fact]
    public void A_site_handed_over_cannot_be_left_without_handover()
    {
        var site = Closed();
        site.RecordHandover(Package(), Now);

        Assert.Equal(ErrorReason.SiteAlreadyHandedOver, Assert.Throws<RuleViolationException>(() => site.RecordLeftWithoutHandover(Left(), Now)).Reason);
        Assert.Null(site.LeftWithoutHandover);
    }

    [Fact]
    public void A_site_cannot_be_left_before_it_closed_or_opened()
    {
        var closed = InState("closed");
        var beforeOpening = NewSite();

        Assert.Equal((ErrorReason.LeftBeforeClosure, "left_date"), Assert.Throws<RuleBreachException>(
            () => closed.RecordLeftWithoutHandover(Left(new DateOnly(2023, 10, 14)), Now)).Breach is var b ? (b.Rule, b.Attribute) : default);
        Assert.Equal("left_without_handover.left_date", Assert.Single(Assert.Throws<InvalidArgumentException>(
            () => beforeOpening.RecordLeftWithoutHandover(Left(new DateOnly(2012, 1, 1)), Now)).Violations).Field);
        Assert.Equal(SiteState.Closed, closed.State);
        Assert.Equal(SiteState.Operational, beforeOpening.State);
    }
}
