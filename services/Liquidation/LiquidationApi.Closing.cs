using MissionOps.Liquidation.Closing;
using MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation;

public sealed partial class LiquidationApi
{
    public override async Task<V1.FinalReport> IssueFinalReport(IssueFinalReportRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("mission", request.Mission, "missions")[0];
        var today = Today;
        var day = v.Date("issue_date", request.IssueDate);
        v.Check(day <= today, "issue_date", $"must not be after today ({today:yyyy-MM-dd}): the report counts what has been recorded");
        var signatoryName = v.Required("signatory.full_name", request.Signatory?.FullName, 200);
        var signatoryTitle = v.Required("signatory.title", request.Signatory?.Title, 200);
        var reference = v.Required("document_reference", request.DocumentReference, 100);
        v.RequestId("request_id", request.RequestId);
        v.ThrowIfInvalid();

        return await changes.RunAsync<V1.FinalReport>(request, async ct =>
        {
            var report = await finalReport.BuildAsync(missionId, day, today, ct);
            var issued = IssuedReport.Issue(missionId, report, day, signatoryName, signatoryTitle, reference, Now);
            db.FinalReports.Add(issued);
            return issued;
        }, Token(context));
    }

    public override async Task<V1.FinalReport> GetFinalReport(GetFinalReportRequest request, ServerCallContext context)
    {
        var missionId = SingletonMission("name", request.Name, "finalReport");
        var issued = await db.FinalReports.AsNoTracking().SingleOrDefaultAsync(r => r.MissionId == missionId, Token(context))
            ?? throw new NotFoundException("missionops.un.org/FinalReport", request.Name);
        return issued.ToProto();
    }
}
