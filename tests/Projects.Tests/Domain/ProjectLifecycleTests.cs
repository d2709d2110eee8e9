using MissionOps.Projects.Projects;
using MissionOps.Projects.Rules;
using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using Project = MissionOps.Projects.Projects.Project;
using QuickImpactRules = MissionOps.Projects.Rules.QuickImpactRules;
using Transaction = MissionOps.Projects.Projects.Transaction;
using Result = MissionOps.Projects.Projects.Result;
using ProjectHandover = MissionOps.Projects.Projects.ProjectHandover;
using static MissionOps.Projects.Tests.Domain.SchoolProject;
using ErrorReason = MissionOps.Common.V1.ErrorReason;

namespace MissionOps.Projects.Tests.Domain;

public sealed class ProjectLifecycleTests
{
    private static readonly Dictionary<string, Action<Project>> Actions = new()
    {
        ["start"] = p => p.Start(Day, Now),
        ["suspend"] = p => p.Suspend(Reason, Now),
        ["resume"] = p => p.Resume(Now),
        ["finalise"] = p => p.Finalise(Day.AddMonths(3), Now),
        ["close"] = p => p.Close(Now),
        ["cancel"] = p => p.Cancel(Reason, Now),
    };

    [Theory]
    [InlineData(ActivityStatus.Pipeline, "start", ActivityStatus.Implementation)]
    [InlineData(ActivityStatus.Pipeline, "cancel", ActivityStatus.Cancelled)]
    [InlineData(ActivityStatus.Implementation, "suspend", ActivityStatus.Suspended)]
    [InlineData(ActivityStatus.Implementation, "finalise", ActivityStatus.Finalisation)]
    [InlineData(ActivityStatus.Implementation, "cancel", ActivityStatus.Cancelled)]
    [InlineData(ActivityStatus.Suspended, "resume", ActivityStatus.Implementation)]
    [InlineData(ActivityStatus.Suspended, "cancel", ActivityStatus.Cancelled)]
    [InlineData(ActivityStatus.Finalisation, "close", ActivityStatus.Closed)]
    public void An_allowed_transition_moves_the_status(ActivityStatus from, string action, ActivityStatus to)
    {
        var project = InStatus(from);

        Actions[action](project);

        Assert.Equal(to, project.Status);
    }

    public static TheoryData<ActivityStatus, string> Forbidden()
    {
        var allowed = new HashSet<(ActivityStatus, string)>
        {
            (ActivityStatus.Pipeline, "start"), (ActivityStatus.Pipeline, "cancel"), (ActivityStatus.Implementation, "suspend"),
            (ActivityStatus.Implementation, "finalise"), (ActivityStatus.Implementation, "cancel"), (ActivityStatus.Suspended, "resume"),
            (ActivityStatus.Suspended, "cancel"), (ActivityStatus.Finalisation, "close"),
        };
        var data = new TheoryData<ActivityStatus, string>();
        foreach (var status in Enum.GetValues<ActivityStatus>().Where(s => s != ActivityStatus.Unspecified))
        {
            foreach (var action in Actions.Keys.Where(a => !allowed.Contains((status, a))))
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void A_forbidden_transition_is_refused_and_changes_nothing(ActivityStatus from, string action)
    {
        var project = InStatus(from);

        var error = Assert.Throws<RuleViolationException>(() => Actions[action](project));

        Assert.Equal(ErrorReason.ProjectTransitionNotAllowed, error.Reason);
        Assert.Equal(from, project.Status);
    }

    [Theory]
    [InlineData(ActivityStatus.Cancelled, ErrorReason.ProjectCancelled)]
    [InlineData(ActivityStatus.Closed, ErrorReason.ProjectClosed)]
    public void An_ended_project_takes_no_spend_result_or_new_description(ActivityStatus status, ErrorReason reason)
    {
        var project = InStatus(status);

        Assert.Equal(reason, Assert.Throws<RuleViolationException>(
            () => project.RecordTransaction(new Transaction(TransactionType.Disbursement, Day, 100, null), "USD", Now)).Reason);
        Assert.Equal(reason, Assert.Throws<RuleViolationException>(
            () => project.RecordResult(new Result(string.Empty, ResultType.Output, Reason, []), Now)).Reason);
        Assert.Equal(reason, Assert.Throws<RuleViolationException>(() => project.Describe(Description(), Now)).Reason);
        Assert.Empty(project.Transactions);
    }

    [Fact]
    public void Spent_counts_disbursements_and_expenditure_not_commitments()
    {
        var project = InStatus(ActivityStatus.Implementation);
        project.RecordTransaction(new Transaction(TransactionType.Commitment, Day, 4_000_000, null), "USD", Now);
        project.RecordTransaction(new Transaction(TransactionType.Disbursement, Day, 1_000_000, null), "USD", Now);
        project.RecordTransaction(new Transaction(TransactionType.Expenditure, Day, 250_000, null), "USD", Now);
        var euros = Assert.Throws<RuleBreachException>(() => project.RecordTransaction(new Transaction(TransactionType.Expenditure, Day, 9_000, null), "EUR", Now));
        Assert.Equal((ErrorReason.TransactionInAnotherCurrency, "value.currency_code", "EUR"), (euros.Breach.Rule, euros.Breach.Attribute, euros.Breach.Value));

        Assert.Equal(1_250_000, project.Spent);
    }

    [Fact]
    public void Finalising_before_the_start_is_refused()
    {
        var project = InStatus(ActivityStatus.Implementation);

        Assert.Equal(ErrorReason.EndBeforeStart, Assert.Throws<RuleBreachException>(() => project.Finalise(Day.AddDays(-1), Now)).Breach.Rule);
        Assert.Equal(ActivityStatus.Implementation, project.Status);
    }

    [Fact]
    public void Only_completed_works_are_handed_over_and_only_once()
    {
        var handover = new ProjectHandover(Reason, HandoverRecipientKind.LocalAuthority, Day.AddMonths(3),
            new Document(Reason, "HO-1", null, Day.AddMonths(3), []));

        var unfinished = Assert.Throws<RuleViolationException>(() => InStatus(ActivityStatus.Implementation).RecordHandover(handover, Now));
        Assert.Equal(ErrorReason.ProjectNotCompleted, unfinished.Reason);
        Assert.Equal(ErrorReason.ProjectStatus, Assert.Single(unfinished.Missing).Type);
        var finalised = InStatus(ActivityStatus.Finalisation);
        var early = Assert.Throws<RuleBreachException>(() => finalised.RecordHandover(handover with { HandoverDate = Day.AddMonths(2).AddDays(-1) }, Now));
        Assert.Equal((ErrorReason.HandoverBeforeEnd, "handover_date"), (early.Breach.Rule, early.Breach.Attribute));
        Assert.True(finalised.BlocksClosure);
        finalised.RecordHandover(handover, Now);
        Assert.False(finalised.BlocksClosure);
        Assert.Equal(ErrorReason.ProjectAlreadyHandedOver, Assert.Throws<RuleViolationException>(() => finalised.RecordHandover(handover, Now)).Reason);
    }

    [Theory]
    [InlineData(ActivityStatus.Pipeline, true)]
    [InlineData(ActivityStatus.Implementation, true)]
    [InlineData(ActivityStatus.Suspended, true)]
    [InlineData(ActivityStatus.Finalisation, true)]
    [InlineData(ActivityStatus.Closed, false)]
    [InlineData(ActivityStatus.Cancelled, false)]
    public void A_project_blocks_closure_until_it_is_handed_over_closed_or_cancelled(ActivityStatus status, bool blocks)
    {
        Assert.Equal(blocks, InStatus(status).BlocksClosure);
    }

    [Fact]
    public void Quick_impact_rules_name_the_ceiling_the_duration_and_the_currency()
    {
        var rules = QuickImpactRules.Create("minusma", "USD", 5_000_000, 6);

        Assert.Empty(rules.ViolationsOf(Description()));
        Assert.Equal("project.budgets", Assert.Single(rules.ViolationsOf(Description(cents: 5_000_001))).Field);
        Assert.Equal("project.dates.planned_end", Assert.Single(rules.ViolationsOf(Description(end: new DateOnly(2023, 7, 2)))).Field);
        Assert.Contains("quickImpactRules.budget_ceiling", Assert.Single(rules.ViolationsOf(Description(currency: "EUR"))).Description);
    }
}
