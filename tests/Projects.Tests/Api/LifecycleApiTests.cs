using MissionOps.Projects.V1;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

public sealed class LifecycleApiTests(ProjectsApp app) : ProjectsApiTest(app)
{
    [Fact]
    public async Task A_project_runs_from_pipeline_to_closed_and_its_works_are_handed_over()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 9)));
        await Client.RecordTransactionAsync(Spend("school-sevare", 4_000_000, TransactionType.Commitment));
        await Client.RecordTransactionAsync(Spend("school-sevare", 2_500_000));
        await Client.RecordTransactionAsync(Spend("school-sevare", 1_900_000, TransactionType.Expenditure));
        await Client.RecordResultAsync(Result("school-sevare"));
        await Client.FinaliseProjectAsync(Finalise("school-sevare", Day(2023, 5, 20)));
        await Client.RecordProjectHandoverAsync(HandOver("school-sevare", Day(2023, 6, 1)));

        var closed = await Client.CloseProjectAsync(Close("school-sevare"));

        Assert.Equal(ActivityStatus.Closed, closed.Status);
        Assert.Equal(Day(2023, 1, 9), closed.Dates.ActualStart);
        Assert.Equal(Day(2023, 5, 20), closed.Dates.ActualEnd);
        Assert.Equal(Usd(4_400_000), closed.Spent);
        Assert.Equal(3, closed.Transactions.Count);
        Assert.Equal(3, closed.Results[0].Indicators[0].Periods[0].Actual);
        Assert.Equal(HandoverRecipientKind.Ministry, closed.Handover.RecipientKind);
    }

    [Fact]
    public async Task A_cancelled_project_takes_no_spend()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.CancelProjectAsync(Cancel("school-sevare"));

        await RpcAssert.FailedPrecondition(() => Client.RecordTransactionAsync(Spend("school-sevare", 1000)).ResponseAsync, "PROJECT_CANCELLED");
        Assert.Empty((await Client.GetProjectAsync(new GetProjectRequest { Name = ProjectName("school-sevare") })).Transactions);
    }

    [Fact]
    public async Task A_closed_project_takes_no_new_result()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 9)));
        await Client.FinaliseProjectAsync(Finalise("school-sevare", Day(2023, 5, 20)));
        await Client.CloseProjectAsync(Close("school-sevare"));

        await RpcAssert.FailedPrecondition(() => Client.RecordResultAsync(Result("school-sevare")).ResponseAsync, "PROJECT_CLOSED");
    }

    [Fact]
    public async Task A_forbidden_transition_names_the_status_it_needs()
    {
        await Client.CreateProjectAsync(CreateSchool());

        var missing = await RpcAssert.FailedPrecondition(() => Client.CloseProjectAsync(Close("school-sevare")).ResponseAsync,
            "PROJECT_TRANSITION_NOT_ALLOWED");

        Assert.Equal("must be ACTIVITY_STATUS_FINALISATION", Assert.Single(missing).Description);
    }

    [Fact]
    public async Task Works_in_implementation_are_not_handed_over()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 9)));

        await RpcAssert.FailedPrecondition(() => Client.RecordProjectHandoverAsync(HandOver("school-sevare", Day(2023, 6, 1))).ResponseAsync,
            "PROJECT_NOT_COMPLETED");
    }

    [Fact]
    public async Task Spend_in_another_currency_is_refused_by_field()
    {
        await Client.CreateProjectAsync(CreateSchool());
        var spend = Spend("school-sevare", 1000);
        spend.Transaction.Value.CurrencyCode = "XOF";

        await RpcAssert.InvalidArgument(() => Client.RecordTransactionAsync(spend).ResponseAsync, "transaction.value.currency_code");
    }

    [Fact]
    public async Task Open_projects_at_a_site_are_those_not_handed_over_closed_or_cancelled_finished_works_included()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.CreateProjectAsync(CreateSchool("youth-centre-sevare"));
        await Client.CreateProjectAsync(CreateSchool("market-sevare"));
        await Client.CreateProjectAsync(CreateSchool("well-sevare"));
        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 9)));
        await Client.StartProjectAsync(Start("youth-centre-sevare", Day(2023, 1, 9)));
        await Client.SuspendProjectAsync(new SuspendProjectRequest
        {
            Name = ProjectName("youth-centre-sevare"),
            Reason = Text("Insecurity", "Insécurité"),
            RequestId = NewId(),
        });
        await Client.CancelProjectAsync(new CancelProjectRequest { Name = ProjectName("well-sevare"), Reason = Text("No site", "Pas de site"), RequestId = NewId() });

        var open = await Client.ListOpenProjectsAsync(new ListOpenProjectsRequest { Parent = Minusma, Site = Sevare });

        Assert.Equal(new[] { ProjectName("market-sevare"), ProjectName("school-sevare"), ProjectName("youth-centre-sevare") },
            open.Projects.Select(p => p.Name));
        var first = await Client.ListOpenProjectsAsync(new ListOpenProjectsRequest { Parent = Minusma, Site = Sevare, PageSize = 2 });
        var second = await Client.ListOpenProjectsAsync(new ListOpenProjectsRequest { Parent = Minusma, Site = Sevare, PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal(open.Projects, first.Projects.Concat(second.Projects));
        Assert.Equal(string.Empty, second.NextPageToken);
        await RpcAssert.InvalidArgument(() => Client.ListOpenProjectsAsync(
            new ListOpenProjectsRequest { Parent = Minusma, DistrictPcode = "ML0506", PageSize = 2, PageToken = first.NextPageToken }).ResponseAsync, "page_token");
        Assert.All(open.Projects, p => Assert.True(p.BlocksClosure));

        await Client.FinaliseProjectAsync(Finalise("school-sevare", Day(2023, 5, 1)));
        var worksFinished = await Client.ListOpenProjectsAsync(new ListOpenProjectsRequest { Parent = Minusma, Site = Sevare });
        Assert.Contains(ProjectName("school-sevare"), worksFinished.Projects.Select(p => p.Name));

        var handedOver = await Client.RecordProjectHandoverAsync(HandOver("school-sevare", Day(2023, 6, 1)));
        Assert.False(handedOver.BlocksClosure);
        Assert.DoesNotContain(ProjectName("school-sevare"),
            (await Client.ListOpenProjectsAsync(new ListOpenProjectsRequest { Parent = Minusma, Site = Sevare })).Projects.Select(p => p.Name));
    }
}
