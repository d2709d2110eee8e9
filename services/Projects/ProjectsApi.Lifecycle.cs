using MissionOps.Projects.Projects;
using MissionOps.Projects.V1;

namespace MissionOps.Projects;

public sealed partial class ProjectsApi
{
    public override Task<V1.Project> StartProject(StartProjectRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var day = v.Date("actual_start", request.ActualStart);
        return ApplyToProjectAsync(v, request, request.Name, request.RequestId, p => p.Start(day, Now), context);
    }

    public override Task<V1.Project> SuspendProject(SuspendProjectRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var reason = v.Bilingual("reason", request.Reason);
        return ApplyToProjectAsync(v, request, request.Name, request.RequestId, p => p.Suspend(reason, Now), context);
    }

    public override Task<V1.Project> ResumeProject(ResumeProjectRequest request, ServerCallContext context) =>
        ApplyToProjectAsync(new RequestValidator(), request, request.Name, request.RequestId, p => p.Resume(Now), context);

    public override Task<V1.Project> FinaliseProject(FinaliseProjectRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var day = v.Date("actual_end", request.ActualEnd);
        return ApplyToProjectAsync(v, request, request.Name, request.RequestId, p => p.Finalise(day, Now), context);
    }

    public override Task<V1.Project> CloseProject(CloseProjectRequest request, ServerCallContext context) =>
        ApplyToProjectAsync(new RequestValidator(), request, request.Name, request.RequestId, p => p.Close(Now), context);

    public override Task<V1.Project> CancelProject(CancelProjectRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var reason = v.Bilingual("reason", request.Reason);
        return ApplyToProjectAsync(v, request, request.Name, request.RequestId, p => p.Cancel(reason, Now), context);
    }

    public override Task<V1.Project> RecordTransaction(RecordTransactionRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (transaction, currency) = ProjectRecords.ParseTransaction(v, request.Transaction);
        return ApplyToProjectAsync(v, request, request.Name, request.RequestId,
            p => p.RecordTransaction(transaction, currency, Now), context);
    }

    public override Task<V1.Project> RecordResult(RecordResultRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var result = ProjectRecords.ParseResult(v, request.Result);
        return ApplyToProjectAsync(v, request, request.Name, request.RequestId, p => p.RecordResult(result, Now), context);
    }

    public override Task<V1.Project> RecordIndicatorActual(RecordIndicatorActualRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var actual = ProjectRecords.ParseIndicatorActual(v, request);
        return ApplyToProjectAsync(v, request, request.Name, request.RequestId,
            p => p.RecordIndicatorActual(actual, Now), context);
    }

    public override Task<V1.Project> RecordProjectHandover(RecordProjectHandoverRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var handover = ProjectRecords.ParseHandover(v, request.Handover);
        return ApplyToProjectAsync(v, request, request.Name, request.RequestId,
            p => p.RecordHandover(handover, Now), context);
    }
}
