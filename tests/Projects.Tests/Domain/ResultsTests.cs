using MissionOps.Projects.Projects;
using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using Indicator = MissionOps.Projects.Projects.Indicator;
using IndicatorPeriod = MissionOps.Projects.Projects.IndicatorPeriod;
using Project = MissionOps.Projects.Projects.Project;
using Result = MissionOps.Projects.Projects.Result;
using static MissionOps.Projects.Tests.Domain.SchoolProject;
using ErrorReason = MissionOps.Common.V1.ErrorReason;

namespace MissionOps.Projects.Tests.Domain;

public sealed class ResultsTests
{
    private static readonly DateOnly Start = new(2023, 1, 1);
    private static readonly DateOnly End = new(2023, 3, 31);

    private static Indicator Indicator(IndicatorMeasure measure = IndicatorMeasure.Unit, string reference = "", decimal target = 3, decimal? actual = null) =>
        new(reference, new Text("Classrooms", "Salles de classe"), measure, 2022, 0, [new IndicatorPeriod(Start, End, target, actual)]);

    private static Result Result(string reference = "", params Indicator[] indicators) =>
        new(reference, ResultType.Output, new Text("Classrooms rehabilitated", "Salles de classe réhabilitées"), indicators.Length > 0 ? indicators : [Indicator()]);

    private static Project WithResult(ActivityStatus status)
    {
        var project = InStatus(ActivityStatus.Implementation);
        project.RecordResult(Result(string.Empty, Indicator(), Indicator(IndicatorMeasure.Percentage, target: 80)), Now);
        if (status == ActivityStatus.Cancelled)
        {
            project.Cancel(Reason, Now);
        }
        else if (status is ActivityStatus.Finalisation or ActivityStatus.Closed)
        {
            project.Finalise(Day.AddMonths(2), Now);
            if (status == ActivityStatus.Closed)
            {
                project.Close(Now);
            }
        }

        return project;
    }

    private static IndicatorActual Actual(decimal value, string result = "1", string indicator = "1.1", DateOnly? start = null, DateOnly? end = null) =>
        new(result, indicator, start ?? Start, end ?? End, value);

    /// <summary>The fields a refused change names: a breach of a rule names the attribute it is about.</summary>
    private static string[] Fields(Action change) => Assert.ThrowsAny<Exception>(change) switch
    {
        RuleBreachException breach => [breach.Breach.Attribute],
        InvalidArgumentException invalid => invalid.Violations.Select(v => v.Field).ToArray(),
        var other => throw new Xunit.Sdk.XunitException($"Expected bad input, got {other}"),
    };

    private static ErrorReason Rule(Action change) => Assert.Throws<RuleBreachException>(change).Breach.Rule;

    [Fact]
    public void Refs_left_empty_are_numbered_by_position_and_given_ones_kept()
    {
        var project = InStatus(ActivityStatus.Implementation);

        project.RecordResult(Result(string.Empty, Indicator(), Indicator()), Now);
        project.RecordResult(Result("OUT-2", Indicator(reference: "2.1"), Indicator()), Now);
        project.RecordResult(Result(), Now);

        Assert.Equal(["1", "OUT-2", "3"], project.Results.Select(r => r.Ref));
        Assert.Equal(["1.1", "1.2", "2.1", "OUT-2.2", "3.1"], project.Results.SelectMany(r => r.Indicators).Select(i => i.Ref));
    }

    [Fact]
    public void A_taken_ref_a_value_outside_its_measure_and_a_period_named_twice_refuse_the_result_by_field()
    {
        var project = InStatus(ActivityStatus.Implementation);
        project.RecordResult(Result(), Now);
        var twice = Indicator() with { Periods = [new IndicatorPeriod(Start, End, 3, null), new IndicatorPeriod(Start, End, 4, null)] };

        Assert.Equal(["result.ref", "result.indicators[1].ref", "result.indicators[1].periods[0].target", "result.indicators[2].periods[0].actual",
                "result.indicators[3].periods[1]"],
            Fields(() => project.RecordResult(Result("1", Indicator(reference: "a"), Indicator(IndicatorMeasure.Percentage, "a", target: 101),
                Indicator(actual: -1), twice), Now)));
        Assert.Single(project.Results);
    }

    [Theory]
    [InlineData(ActivityStatus.Implementation)]
    [InlineData(ActivityStatus.Finalisation)]
    [InlineData(ActivityStatus.Closed)]
    [InlineData(ActivityStatus.Cancelled)]
    public void A_started_project_takes_an_actual_and_its_correction_whatever_its_status(ActivityStatus status)
    {
        var project = WithResult(status);

        project.RecordIndicatorActual(Actual(2), Now);
        project.RecordIndicatorActual(Actual(3), Now);
        project.RecordIndicatorActual(Actual(100, indicator: "1.2"), Now);

        Assert.Equal([3m, 100m], project.Results[0].Indicators.Select(i => i.Periods[0].Actual));
    }

    [Theory]
    [InlineData(ActivityStatus.Pipeline)]
    [InlineData(ActivityStatus.Cancelled)]
    public void A_project_that_never_started_takes_no_actual(ActivityStatus status)
    {
        var project = InStatus(status);

        Assert.Equal(ErrorReason.ProjectNotStarted, Assert.Throws<RuleViolationException>(() => project.RecordIndicatorActual(Actual(1), Now)).Reason);
    }

    [Fact]
    public void A_project_that_never_started_takes_a_result_with_targets_but_none_with_an_actual()
    {
        var project = InStatus(ActivityStatus.Pipeline);

        project.RecordResult(Result(), Now);
        var refused = Assert.Throws<RuleViolationException>(() => project.RecordResult(Result(string.Empty, Indicator(actual: 1)), Now));

        Assert.Equal(ErrorReason.ProjectNotStarted, refused.Reason);
        Assert.Single(project.Results);
    }

    [Fact]
    public void An_unknown_ref_or_period_and_a_value_outside_the_measure_are_named_and_change_nothing()
    {
        var project = WithResult(ActivityStatus.Implementation);
        var before = project.Results;

        Assert.Equal(["result_ref"], Fields(() => project.RecordIndicatorActual(Actual(1, result: "2"), Now)));
        Assert.Equal(["indicator_ref"], Fields(() => project.RecordIndicatorActual(Actual(1, indicator: "1.3"), Now)));
        Assert.Equal(["period_start", "period_end"], Fields(() => project.RecordIndicatorActual(Actual(1, end: End.AddDays(1)), Now)));
        Assert.Equal(["actual"], Fields(() => project.RecordIndicatorActual(Actual(-1), Now)));
        Assert.Equal(["actual"], Fields(() => project.RecordIndicatorActual(Actual(100.5m, indicator: "1.2"), Now)));
        Assert.Equal(ErrorReason.ResultUnknown, Rule(() => project.RecordIndicatorActual(Actual(1, result: "2"), Now)));
        Assert.Equal(ErrorReason.IndicatorUnknown, Rule(() => project.RecordIndicatorActual(Actual(1, indicator: "1.3"), Now)));
        Assert.Equal(ErrorReason.ActualNotOfTheIndicator, Rule(() => project.RecordIndicatorActual(Actual(-1), Now)));
        Assert.Same(before, project.Results);
    }

    [Fact]
    public void A_period_that_has_not_begun_has_no_actual_yet()
    {
        var project = WithResult(ActivityStatus.Implementation);

        var error = Assert.Throws<RuleViolationException>(() => project.RecordIndicatorActual(Actual(1), new DateTimeOffset(2022, 12, 31, 23, 0, 0, TimeSpan.Zero)));

        Assert.Equal(ErrorReason.PeriodNotStarted, error.Reason);
    }
}
