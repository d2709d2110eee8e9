using MissionOps.Common.V1;
using MissionOps.Projects.Iati;
using MissionOps.Projects.Projects;
using MissionOps.ServiceDefaults.DemoData;
using MissionOps.Projects.V1;
using static MissionOps.ServiceDefaults.DemoData.DemoValues;
using Project = MissionOps.Projects.Projects.Project;

namespace MissionOps.Projects.DemoData;

/// <summary>A mission's demo projects, written through the Projects endpoints in process, as the demo loader.</summary>
internal sealed class DemoProjects(ProjectsApi api, CodeLists codes, string missionId, CancellationToken ct)
{
    private readonly DemoLoader loader = new(ProjectsService.Descriptor.FullName, missionId);

    private string Name(string id) => $"missions/{missionId}/projects/{id}";

    /// <summary>The demo written through the endpoints, over the seeder's own database.</summary>
    public static DemoProjects Over(IServiceProvider services, ProjectsDbContext db, string missionId, CancellationToken ct) =>
        new(DemoLoader.Endpoints<ProjectsApi, ProjectsDbContext>(services, db), services.GetRequiredService<CodeLists>(), missionId, ct);

    public Task RulesAsync(string currency, long ceiling, int months) =>
        loader.CallAsync(nameof(ProjectsApi.UpdateQuickImpactRules), c => api.UpdateQuickImpactRules(new UpdateQuickImpactRulesRequest
        {
            QuickImpactRules = new QuickImpactRules
            {
                Name = $"missions/{missionId}/quickImpactRules",
                BudgetCeiling = new Money { CurrencyCode = currency, MinorUnits = ceiling },
                MaxDurationMonths = months,
            },
            RequestId = loader.RequestId("quickImpactRules"),
        }, c), ct);

    /// <summary>The mission's IATI file published once, so that its public URL answers as soon as the demo is loaded.</summary>
    public Task PublishIatiAsync() =>
        loader.CallAsync(nameof(ProjectsApi.PublishIatiActivities), c => api.PublishIatiActivities(new PublishIatiActivitiesRequest
        {
            Parent = $"missions/{missionId}",
            RequestId = loader.RequestId("iatiPublication"),
        }, c), ct);

    /// <summary>
    /// Makes, through the endpoints, the project the demo built in memory through the domain: created as described,
    /// its results, started, its transactions, finalised, handed over, closed or cancelled, then its actuals.
    /// </summary>
    public async Task ReplayAsync(Project done)
    {
        var id = done.Id;
        var recorded = done.ToProto(codes);
        await CallAsync(nameof(ProjectsApi.CreateProject), c => api.CreateProject(new CreateProjectRequest
        {
            Parent = $"missions/{missionId}", ProjectId = id, Project = recorded, RequestId = loader.RequestId($"project/{id}"),
        }, c));
        foreach (var result in recorded.Results)
        {
            var planned = result.Clone();
            foreach (var period in planned.Indicators.SelectMany(i => i.Periods))
            {
                period.ClearActual();
            }

            await CallAsync(nameof(ProjectsApi.RecordResult), c => api.RecordResult(
                new RecordResultRequest { Name = Name(id), Result = planned, RequestId = loader.RequestId($"project/{id}/result/{result.Ref}") }, c));
        }

        if (done.ActualStart is { } started)
        {
            await CallAsync(nameof(ProjectsApi.StartProject), c => api.StartProject(
                new StartProjectRequest { Name = Name(id), ActualStart = Day(started), RequestId = loader.RequestId($"project/{id}/start") }, c));
        }

        for (var i = 0; i < done.Transactions.Count; i++)
        {
            var t = done.Transactions[i];
            var n = i;
            await CallAsync(nameof(ProjectsApi.RecordTransaction), c => api.RecordTransaction(new RecordTransactionRequest
            {
                Name = Name(id),
                Transaction = new V1.Transaction
                {
                    Type = t.Type, TransactionDate = Day(t.Date), Value = new Money { CurrencyCode = done.Description.Currency, MinorUnits = t.MinorUnits },
                    Description = t.Description?.ToProto(),
                },
                RequestId = loader.RequestId($"project/{id}/transaction/{n}"),
            }, c));
        }

        if (done.ActualEnd is { } ended)
        {
            await CallAsync(nameof(ProjectsApi.FinaliseProject), c => api.FinaliseProject(
                new FinaliseProjectRequest { Name = Name(id), ActualEnd = Day(ended), RequestId = loader.RequestId($"project/{id}/finalise") }, c));
        }

        if (recorded.Handover is { } handover)
        {
            await CallAsync(nameof(ProjectsApi.RecordProjectHandover), c => api.RecordProjectHandover(
                new RecordProjectHandoverRequest { Name = Name(id), Handover = handover, RequestId = loader.RequestId($"project/{id}/handover") }, c));
        }

        if (done.Status == ActivityStatus.Closed)
        {
            await CallAsync(nameof(ProjectsApi.CloseProject), c => api.CloseProject(
                new CloseProjectRequest { Name = Name(id), RequestId = loader.RequestId($"project/{id}/close") }, c));
        }
        else if (done.Status == ActivityStatus.Cancelled)
        {
            await CallAsync(nameof(ProjectsApi.CancelProject), c => api.CancelProject(
                new CancelProjectRequest { Name = Name(id), Reason = done.StatusReason?.ToProto(), RequestId = loader.RequestId($"project/{id}/cancel") }, c));
        }

        foreach (var result in recorded.Results)
        {
            foreach (var indicator in result.Indicators)
            {
                foreach (var period in indicator.Periods.Where(p => p.HasActual))
                {
                    await CallAsync(nameof(ProjectsApi.RecordIndicatorActual), c => api.RecordIndicatorActual(new RecordIndicatorActualRequest
                    {
                        Name = Name(id), ResultRef = result.Ref, IndicatorRef = indicator.Ref, PeriodStart = period.PeriodStart, PeriodEnd = period.PeriodEnd,
                        Actual = period.Actual,
                        RequestId = loader.RequestId($"project/{id}/actual/{result.Ref}/{indicator.Ref}/{period.PeriodStart.Year}-{period.PeriodStart.Month}-{period.PeriodStart.Day}"),
                    }, c));
                }
            }
        }
    }

    private Task<V1.Project> CallAsync(string method, Func<Grpc.Core.ServerCallContext, Task<V1.Project>> call) => loader.CallAsync(method, call, ct);
}
