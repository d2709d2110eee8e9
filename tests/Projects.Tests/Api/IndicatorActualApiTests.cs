using Grpc.Core;
using MissionOps.Projects.V1;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

public sealed class IndicatorActualApiTests(ProjectsApp app) : ProjectsApiTest(app)
{
    private const string School = "school-sevare";

    /// <summary>The school started, with a result whose indicator has a target of 3 classrooms and no actual yet.</summary>
    private async Task<Project> SchoolWithResultAsync(IndicatorMeasure measure = IndicatorMeasure.Unit)
    {
        await Client.CreateProjectAsync(CreateSchool(School));
        await Client.StartProjectAsync(Start(School, Day(2023, 1, 9)));
        var result = Result(School);
        result.Result.Indicators[0].Measure = measure;
        result.Result.Indicators[0].Periods[0].ClearActual();
        return await Client.RecordResultAsync(result);
    }

    private static IndicatorPeriod Period(Project project) => project.Results[0].Indicators[0].Periods[0];

    [Fact]
    public async Task An_actual_is_recorded_then_corrected_and_a_retry_changes_nothing_twice()
    {
        var recorded = await SchoolWithResultAsync();
        Assert.Equal(("1", "1.1"), (recorded.Results[0].Ref, recorded.Results[0].Indicators[0].Ref));
        Assert.False(Period(recorded).HasActual);

        var first = Actual(School, 2);
        first.Etag = recorded.Etag;
        var two = await Client.RecordIndicatorActualAsync(first);
        var correction = Actual(School, 3);
        correction.Etag = two.Etag;
        var three = await Client.RecordIndicatorActualAsync(correction);
        var retry = await Client.RecordIndicatorActualAsync(first);

        Assert.Equal(2, Period(two).Actual);
        Assert.Equal(3, Period(three).Actual);
        Assert.Equal(two, retry);
        Assert.Equal(3, Period(await Client.GetProjectAsync(new GetProjectRequest { Name = ProjectName(School) })).Actual);
    }

    [Fact]
    public async Task An_unknown_result_indicator_or_period_is_named()
    {
        await SchoolWithResultAsync();
        var result = Actual(School, 2);
        result.ResultRef = "2";
        var indicator = Actual(School, 2);
        indicator.IndicatorRef = "1.2";
        var period = Actual(School, 2);
        period.PeriodEnd = Day(2023, 6, 30);
        var missing = Actual(School, 2);
        missing.ClearActual();
        missing.ResultRef = string.Empty;

        await RpcAssert.InvalidArgument(() => Client.RecordIndicatorActualAsync(result).ResponseAsync, "result_ref");
        await RpcAssert.InvalidArgument(() => Client.RecordIndicatorActualAsync(indicator).ResponseAsync, "indicator_ref");
        await RpcAssert.InvalidArgument(() => Client.RecordIndicatorActualAsync(period).ResponseAsync, "period_start", "period_end");
        await RpcAssert.InvalidArgument(() => Client.RecordIndicatorActualAsync(missing).ResponseAsync, "result_ref", "actual");
        await RpcAssert.Fails(StatusCode.NotFound, () => Client.RecordIndicatorActualAsync(Actual("no-such-school", 2)).ResponseAsync);
    }

    [Fact]
    public async Task A_percentage_over_100_or_a_negative_count_is_refused_by_field()
    {
        await SchoolWithResultAsync(IndicatorMeasure.Percentage);

        await RpcAssert.InvalidArgument(() => Client.RecordIndicatorActualAsync(Actual(School, 100.5)).ResponseAsync, "actual");
        await RpcAssert.InvalidArgument(() => Client.RecordIndicatorActualAsync(Actual(School, -1)).ResponseAsync, "actual");
        await RpcAssert.InvalidArgument(() => Client.RecordIndicatorActualAsync(Actual(School, double.NaN)).ResponseAsync, "actual");
        Assert.Equal(100, Period(await Client.RecordIndicatorActualAsync(Actual(School, 100))).Actual);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted()
    {
        var recorded = await SchoolWithResultAsync();
        await Client.RecordIndicatorActualAsync(Actual(School, 2));
        var stale = Actual(School, 3);
        stale.Etag = recorded.Etag;

        await RpcAssert.Fails(StatusCode.Aborted, () => Client.RecordIndicatorActualAsync(stale).ResponseAsync);
        Assert.Equal(2, Period(await Client.GetProjectAsync(new GetProjectRequest { Name = ProjectName(School) })).Actual);
    }

    [Fact]
    public async Task A_closed_project_still_takes_actuals_a_project_never_started_none()
    {
        await SchoolWithResultAsync();
        await Client.FinaliseProjectAsync(Finalise(School, Day(2023, 5, 20)));
        await Client.CloseProjectAsync(Close(School));

        var closed = await Client.RecordIndicatorActualAsync(Actual(School, 3));

        Assert.Equal((ActivityStatus.Closed, 3d), (closed.Status, Period(closed).Actual));
        await Client.CreateProjectAsync(CreateSchool("market-sevare"));
        await RpcAssert.FailedPrecondition(() => Client.RecordResultAsync(Result("market-sevare")).ResponseAsync, "PROJECT_NOT_STARTED");
        await Client.RecordResultAsync(Result("market-sevare", actual: null));
        await RpcAssert.FailedPrecondition(() => Client.RecordIndicatorActualAsync(Actual("market-sevare", 3)).ResponseAsync, "PROJECT_NOT_STARTED");
    }
}
