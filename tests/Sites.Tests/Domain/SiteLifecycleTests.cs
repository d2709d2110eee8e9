using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.Sites.Closure;
using MissionOps.Sites.Handover;
using MissionOps.Sites.Phases;
using MissionOps.Sites.Sites;
using MissionOps.Sites.V1;
using WhatStayed = MissionOps.Sites.Closure.WhatStayed;
using ClosureStep = MissionOps.Sites.Closure.ClosureStep;
using DrawdownPhase = MissionOps.Sites.Phases.DrawdownPhase;
using HandoverRecipient = MissionOps.Sites.Handover.HandoverRecipient;
using ItemLeftInPlace = MissionOps.Sites.Closure.ItemLeftInPlace;
using Site = MissionOps.Sites.Sites.Site;
using SiteHandover = MissionOps.Sites.Handover.SiteHandover;
using SiteLocation = MissionOps.Sites.Sites.SiteLocation;
using Signatory = MissionOps.Sites.Handover.Signatory;
using HandoverDocument = MissionOps.Sites.Handover.HandoverDocument;
using ErrorReason = MissionOps.Common.V1.ErrorReason;

namespace MissionOps.Sites.Tests.Domain;

public sealed partial class SiteLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2023, 12, 9, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Closure = new(2023, 12, 8);
    private static readonly DrawdownPhase Phase2 = DrawdownPhase.Create("minusma", "phase-2", 2,
        new Text("Phase 2", "Phase 2"), new DateOnly(2023, 9, 1), new DateOnly(2023, 12, 31), Now);

    private static Site NewSite() => Site.Open("minusma", "sevare", new Text("Sévaré camp", "Camp de Sévaré"), SiteKind.Camp,
        new SiteLocation("ML05", "ML0506", "2019", "Sévaré"), new DateOnly(2013, 7, 1), null, Now);

    private static readonly Signatory Governor = new("Abass Dembélé", new Text("Governor of the Mopti Region", "Gouverneur de la région de Mopti"),
        HandoverSide.Host);

    /// <summary>A step as the checklist wants it: its document, and the host authority's signatory.</summary>
    private static ClosureStep Step(ClosureStepKind kind, DateOnly? done = null) =>
        new(kind, done ?? new DateOnly(2023, 11, 20), "Environmental Unit", null,
            [new Document(new Text("Report", "Rapport"), $"CL-{(int)kind}", null, done ?? new DateOnly(2023, 11, 20), [])], [Governor]);

    private static Site ReadyToClose()
    {
        var site = NewSite();
        site.PlanClosure(Phase2, Closure, Now);
        foreach (var kind in ClosureChecklist.Required)
        {
            site.RecordClosureStep(Step(kind), Now);
        }

        return site;
    }

    private static Site Closed()
    {
        var site = ReadyToClose();
        site.RecordClosure(Closure, null, SiteClearance.Clear, Now);
        return site;
    }

    private static Document Doc(string reference) => new(new Text(reference, reference), reference, null, Closure, ["Abass Dembélé"]);

    private static SiteHandover Package(RecipientKind recipient = RecipientKind.StateCivilianAuthority, params HandoverDocumentKind[] documents) =>
        new(new HandoverRecipient(new Text("Governorate of Mopti", "Gouvernorat de Mopti"), recipient), Closure,
            [
                new Signatory("Abass Dembélé", new Text("Governor", "Gouverneur"), HandoverSide.Host),
                new Signatory("Jens Kristensen", new Text("Acting Head of Office", "Chef de bureau par intérim"), HandoverSide.Mission),
            ],
            [],
            (documents.Length == 0 ? HandoverPackage.RequiredDocuments : documents).Select(k => new HandoverDocument(k, Doc(k.ToString()))).ToList(),
            new Text("Regional administration", "Administration régionale"));

    [Fact]
    public void A_new_site_is_operational()
    {
        Assert.Equal(SiteState.Operational, NewSite().State);
    }

    [Fact]
    public void Planning_moves_an_operational_site_to_closure_planned_and_can_be_moved()
    {
        var site = NewSite();
        site.PlanClosure(Phase2, new DateOnly(2023, 12, 1), Now);
        site.PlanClosure(Phase2, Closure, Now);

        Assert.Equal(SiteState.ClosurePlanned, site.State);
        Assert.Equal(Closure, site.PlannedClosureDate);
        Assert.Equal("phase-2", site.DrawdownPhaseId);
    }

    [Fact]
    public void Planning_outside_the_phase_is_refused_and_changes_nothing()
    {
        var site = NewSite();

        var error = Assert.Throws<RuleBreachException>(() => site.PlanClosure(Phase2, new DateOnly(2024, 1, 5), Now));

        Assert.Equal((ErrorReason.ClosureOutsidePhase, "planned_closure_date", "2024-01-05"), (error.Breach.Rule, error.Breach.Attribute, error.Breach.Value));
        Assert.Equal(SiteState.Operational, site.State);
        Assert.Null(site.DrawdownPhaseId);
    }

    [Fact]
    public void A_step_before_any_plan_is_refused()
    {
        var error = Assert.Throws<RuleViolationException>(() => NewSite().RecordClosureStep(Step(ClosureStepKind.HazardousWasteRemoved), Now));

        Assert.Equal(ErrorReason.ClosureNotPlanned, error.Reason);
    }

    [Fact]
    public void The_first_step_moves_a_planned_site_to_closing()
    {
        var site = NewSite();
        site.PlanClosure(Phase2, Closure, Now);

        site.RecordClosureStep(Step(ClosureStepKind.ExplosiveHazardSurvey), Now);

        Assert.Equal(SiteState.Closing, site.State);
        Assert.Single(site.ClosureSteps);
    }

    [Fact]
    public void A_step_that_produces_a_document_is_refused_without_it_and_the_joint_inspection_without_the_hosts_signatory()
    {
        var site = NewSite();
        site.PlanClosure(Phase2, Closure, Now);
        var missionOnly = new Signatory("Jens Kristensen", new Text("Head of Office", "Chef de bureau"), HandoverSide.Mission);

        var survey = Assert.Throws<InvalidArgumentException>(() => site.RecordClosureStep(Step(ClosureStepKind.ExplosiveHazardSurvey) with { Documents = [] }, Now));
        var inspection = Assert.Throws<InvalidArgumentException>(() => site.RecordClosureStep(
            Step(ClosureStepKind.JointEnvironmentalInspection) with { Documents = [], Signatories = [missionOnly] }, Now));

        Assert.Equal("step.documents", Assert.Single(survey.Violations).Field);
        Assert.Equal(new[] { "step.documents", "step.signatories" }, inspection.Violations.Select(v => v.Field));
        Assert.Empty(site.ClosureSteps);
        site.RecordClosureStep(Step(ClosureStepKind.ContingentEquipmentWithdrawn) with { Documents = [], Signatories = null }, Now);
        site.RecordClosureStep(Step(ClosureStepKind.JointEnvironmentalInspection) with { Signatories = [missionOnly, Governor] }, Now);
        Assert.Equal(2, site.ClosureSteps.Count);
    }

    [Fact]
    public void A_step_dated_before_the_site_opened_is_refused()
    {
        var site = NewSite();
        site.PlanClosure(Phase2, Closure, Now);

        Assert.Equal(ErrorReason.StepBeforeOpening, Assert.Throws<RuleBreachException>(() => site.RecordClosureStep(Step(ClosureStepKind.ExplosiveHazardSurvey, new DateOnly(2012, 1, 1)), Now)).Breach.Rule);
        Assert.Empty(site.ClosureSteps);
    }

    [Fact]
    public void A_normal_closure_with_steps_missing_lists_them_and_stays_closing()
    {
        var site = NewSite();
        site.PlanClosure(Phase2, Closure, Now);
        site.RecordClosureStep(Step(ClosureStepKind.UnEquipmentRemoved), Now);

        var error = Assert.Throws<RuleViolationException>(() => site.RecordClosure(Closure, null, SiteClearance.Clear, Now));

        Assert.Equal(ErrorReason.ClosureChecklistIncomplete, error.Reason);
        Assert.Equal(5, error.Missing.Count);
        Assert.All(error.Missing, m => Assert.Equal(ErrorReason.ClosureStep, m.Type));
        Assert.DoesNotContain(error.Missing, m => m.Subject == "CLOSURE_STEP_KIND_UN_EQUIPMENT_REMOVED");
        Assert.Equal(SiteState.Closing, site.State);
    }

    [Fact]
    public void A_normal_closure_with_the_checklist_done_closes_the_site_on_that_day()
    {
        var site = Closed();

        Assert.Equal(SiteState.Closed, site.State);
        Assert.Equal(Closure, site.ClosingDate);
        Assert.False(site.Closure!.Emergency);
    }

    [Fact]
    public void A_normal_closure_without_a_plan_is_refused()
    {
        Assert.Equal(ErrorReason.ClosureNotPlanned, Assert.Throws<RuleViolationException>(() => NewSite().RecordClosure(Closure, null, SiteClearance.Clear, Now)).Reason);
    }

    [Fact]
    public void A_normal_closure_is_refused_while_people_or_open_projects_remain()
    {
        var site = ReadyToClose();

        var error = Assert.Throws<RuleViolationException>(() => site.RecordClosure(Closure, null,
            new SiteClearance(2, ["MNS-1", "MNS-2"], ["missions/minusma/projects/school"]), Now));

        Assert.Equal(ErrorReason.SiteNotClear, error.Reason);
        Assert.Equal(new[] { ErrorReason.Personnel, ErrorReason.Project }, error.Missing.Select(m => m.Type));
        Assert.Contains("MNS-1", error.Missing[0].Description);
        Assert.Equal(SiteState.Closing, site.State);
    }

    [Fact]
    public void The_emergency_path_closes_an_operational_site_with_what_stayed()
    {
        var site = NewSite();
        ItemLeftInPlace[] left = [new(new Text("Fuel", "Carburant"), InPlaceDisposition.Destroyed, 1, new Text("No convoy", "Pas de convoi"))];

        site.RecordEmergencyClosure(new DateOnly(2023, 10, 2), new Text("Attack", "Attaque"), left, null, new WhatStayed(3, [], true), "approver-1", Now);

        Assert.Equal(SiteState.Closed, site.State);
        Assert.True(site.Closure!.Emergency);
        Assert.Equal(left, site.Closure.ItemsLeftInPlace);
        Assert.Equal("approver-1", site.Closure.AuthorisedBy);
    }

    [Fact]
    public void A_closed_site_refuses_every_closure_change()
    {
        var site = Closed();

        Assert.Equal(ErrorReason.SiteClosed, Assert.Throws<RuleViolationException>(() => site.RecordClosureStep(Step(ClosureStepKind.HazardousWasteRemoved, Closure), Now)).Reason);
        Assert.Equal(ErrorReason.SiteClosed, Assert.Throws<RuleViolationException>(() => site.PlanClosure(Phase2, Closure, Now)).Reason);
        Assert.Equal(ErrorReason.SiteClosed, Assert.Throws<RuleViolationException>(() => site.RecordClosure(Closure, null, SiteClearance.Clear, Now)).Reason);
        Assert.Equal(ErrorReason.SiteClosed, Assert.Throws<RuleViolationException>(
            () => site.RecordEmergencyClosure(Closure, new Text("a", "a"), [], null, new WhatStayed(0, [], true), "approver-1", Now)).Reason);
    }

    [Fact]
    public void A_handover_before_closure_is_refused()
    {
        var error = Assert.Throws<RuleViolationException>(() => ReadyToClose().RecordHandover(Package(), Now));

        Assert.Equal(ErrorReason.SiteNotClosed, error.Reason);
    }

    [Fact]
    public void A_handover_to_anyone_but_a_State_civilian_authority_is_refused()
    {
        var site = Closed();

        var error = Assert.Throws<RuleViolationException>(() => site.RecordHandover(Package(RecipientKind.StateSecurityForces), Now));

        Assert.Equal(ErrorReason.RecipientNotStateCivilianAuthority, error.Reason);
        Assert.Equal((ErrorReason.HandoverRecipient, "handover.recipient.kind"), (Assert.Single(error.Missing).Type, error.Missing[0].Subject));
        Assert.Equal(SiteState.Closed, site.State);
    }

    [Fact]
    public void A_handover_without_the_environmental_clearance_is_refused_naming_it()
    {
        var site = Closed();

        var error = Assert.Throws<RuleViolationException>(() => site.RecordHandover(
            Package(RecipientKind.StateCivilianAuthority, HandoverDocumentKind.SiteInspectionCertificate, HandoverDocumentKind.RemainingInfrastructureList), Now));

        Assert.Equal(ErrorReason.HandoverPackageIncomplete, error.Reason);
        Assert.Equal((ErrorReason.HandoverDocument, "HANDOVER_DOCUMENT_KIND_ENVIRONMENTAL_CLEARANCE_CERTIFICATE"),
            (Assert.Single(error.Missing).Type, error.Missing[0].Subject));
    }

    [Fact]
    public void A_complete_handover_hands_the_site_over_once()
    {
        var site = Closed();

        site.RecordHandover(Package(), Now);

        Assert.Equal(SiteState.HandedOver, site.State);
        Assert.Equal(Closure, site.HandoverDate);
        Assert.Equal(ErrorReason.SiteAlreadyHandedOver, Assert.Throws<RuleViolationException>(() => site.RecordHandover(Package(), Now)).Reason);
        Assert.Equal(ErrorReason.SiteClosed, Assert.Throws<RuleViolationException>(() => site.RecordClosureStep(Step(ClosureStepKind.HazardousWasteRemoved, Closure), Now)).Reason);
    }

    [Fact]
    public void A_stale_etag_is_refused()
    {
        var site = NewSite();

        Assert.Throws<StaleEtagException>(() => site.EnsureEtag("12345"));
        site.EnsureEtag(site.Etag);
        site.EnsureEtag(null);
    }
}
