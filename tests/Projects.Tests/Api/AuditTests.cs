using MissionOps.Projects.V1;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

public sealed class AuditTests(ProjectsApp app) : ProjectsApiTest(app)
{
    [Fact]
    public async Task Each_change_writes_one_entry_and_a_refused_one_none()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 9)));
        await MissionOps.Testing.RpcAssert.FailedPrecondition(() => Client.CloseProjectAsync(Close("school-sevare")).ResponseAsync,
            "PROJECT_TRANSITION_NOT_ALLOWED");

        var entries = (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, Resource = ProjectName("school-sevare") })).AuditEntries;

        Assert.Equal(new[] { "StartProject", "CreateProject" }, entries.Select(e => e.Method.Split('/')[^1]));
        Assert.Equal(ActivityStatus.Pipeline, entries[0].Before.Unpack<Project>().Status);
        Assert.Equal(ActivityStatus.Implementation, entries[0].After.Unpack<Project>().Status);
    }
}
