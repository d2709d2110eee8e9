using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Events;
using MissionOps.Common.V1;
using MissionOps.Personnel.Headcount;
using MissionOps.Personnel.V1;

namespace MissionOps.Personnel;

public sealed partial class PersonnelApi
{
    private static readonly Correction DrawdownTargetCorrection =
        new("drawdown_target", "drawdownTargets", ["drawdown_phase", "component", "deadline", "max_headcount"], nameof(UpdateDrawdownTarget));

    public override async Task<V1.Headcount> GetHeadcount(GetHeadcountRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        var asOf = v.OptionalDate("as_of_date", request.AsOfDate) ?? Today;
        string? site = null;
        if (!string.IsNullOrEmpty(request.Site))
        {
            v.Name("site", request.Site, "missions", "sites");
            site = request.Site;
        }

        v.ThrowIfInvalid();
        if (site is not null)
        {
            await siteRegions.CheckVisibleAsync(missionId, site, Token(context));
        }

        var forecast = asOf > Today;
        var lines = await InScopeAsync(missionId,
            await headcounts.CountAsync(missionId, asOf, forecast, site, component: null, excludeResidual: false, Token(context)), Token(context));
        return new V1.Headcount
        {
            Mission = $"missions/{missionId}",
            AsOfDate = asOf.ToProto(),
            Forecast = forecast,
            Lines =
            {
                lines.Select(l => new V1.HeadcountLine { Site = l.Site, Component = l.Component, Category = l.Category, Count = l.Count }),
            },
            Total = lines.Sum(l => l.Count),
        };
    }

    /// <summary>A caller limited to some regions counts their sites only.</summary>
    private async Task<IReadOnlyList<Headcount.HeadcountLine>> InScopeAsync(string missionId, IReadOnlyList<Headcount.HeadcountLine> lines, CancellationToken ct) =>
        await siteRegions.VisibleAsync(missionId, ct) is { } visible ? lines.Where(l => visible.Contains(l.Site)).ToList() : lines;

    public override async Task<V1.DrawdownTarget> CreateDrawdownTarget(CreateDrawdownTargetRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var targetId = v.ResourceId("drawdown_target_id", request.DrawdownTargetId);
        var (missionId, input) = v.Create(request.Parent, request.RequestId, "drawdown_target", request.DrawdownTarget);
        var terms = await DrawdownTargetTermsAsync(v, missionId, input, checkPhase: true, Token(context));
        v.ThrowIfInvalid();

        var target = Headcount.DrawdownTarget.Create(missionId, targetId, terms, Now);
        return await changes.CreateAsync<V1.DrawdownTarget>(request, target, Token(context));
    }

    public override async Task<V1.DrawdownTarget> GetDrawdownTarget(GetDrawdownTargetRequest request, ServerCallContext context)
    {
        var ids = ResourceName.Parse("name", request.Name, "missions", "drawdownTargets");
        return (await FindAnyAsync<Headcount.DrawdownTarget>(ids, request.Name, Token(context))).ToProto();
    }

    public override async Task<ListDrawdownTargetsResponse> ListDrawdownTargets(ListDrawdownTargetsRequest request, ServerCallContext context)
    {
        var missionId = ResourceName.Parse("parent", request.Parent, "missions")[0];
        var (targets, next) = await db.DrawdownTargets.Shown(request.ShowDeleted).Where(t => t.MissionId == missionId)
            .PageAsync(request.PageSize, request.PageToken, t => t.Id, Token(context), SoftDeleteFilters.Fingerprint(request.ShowDeleted));
        return new ListDrawdownTargetsResponse { DrawdownTargets = { targets.Select(t => t.ToProto()) }, NextPageToken = next };
    }

    public override Task<V1.DrawdownTarget> UpdateDrawdownTarget(UpdateDrawdownTargetRequest request, ServerCallContext context) =>
        CorrectAsync<Headcount.DrawdownTarget, V1.DrawdownTarget, DrawdownTargetTerms>(request, DrawdownTargetCorrection, request.DrawdownTarget,
            request.UpdateMask, request.RequestId,
            (v, missionId, merged, paths) => DrawdownTargetTermsAsync(v, missionId, merged, paths.Contains("drawdown_phase"), Token(context)),
            (target, terms) => target.Correct(terms), context);

    public override Task<V1.DrawdownTarget> DeleteDrawdownTarget(DeleteDrawdownTargetRequest request, ServerCallContext context) =>
        ChangeNamedAsync<Headcount.DrawdownTarget, V1.DrawdownTarget>(request, request.Name, request.RequestId, "drawdownTargets",
            target => target.Delete(Now), context);

    public override Task<V1.DrawdownTarget> UndeleteDrawdownTarget(UndeleteDrawdownTargetRequest request, ServerCallContext context) =>
        ChangeNamedAsync<Headcount.DrawdownTarget, V1.DrawdownTarget>(request, request.Name, request.RequestId, "drawdownTargets",
            target => target.Undelete(), context);

    /// <summary>The target as sent, checked as on create; the phase is asked of Sites only when it is new (a correction may leave it).</summary>
    private async Task<DrawdownTargetTerms> DrawdownTargetTermsAsync(RequestValidator v, string missionId, V1.DrawdownTarget input, bool checkPhase,
        CancellationToken ct)
    {
        if (checkPhase && missionId.Length > 0)
        {
            await sites.CheckPhaseAsync(v, missionId, "drawdown_target.drawdown_phase", input.DrawdownPhase, ct);
        }

        return DrawdownTargetTerms.Of(v, input);
    }

    public override async Task<BurnDown> GetBurnDown(GetBurnDownRequest request, ServerCallContext context)
    {
        var missionId = ResourceName.Parse("parent", request.Parent, "missions")[0];
        var targets = await db.DrawdownTargets.AsNoTracking().Where(t => t.MissionId == missionId)
            .OrderBy(t => t.Deadline).ThenBy(t => t.Component).ToListAsync(Token(context));
        var burnDown = new BurnDown { Mission = $"missions/{missionId}" };
        foreach (var target in targets)
        {
            var forecast = target.Deadline > Today;
            var lines = await headcounts.CountAsync(missionId, target.Deadline, forecast, site: null, target.Component,
                excludeResidual: true, Token(context));
            var headcount = lines.Sum(l => l.Count);
            burnDown.Points.Add(new BurnDownPoint
            {
                Target = target.ToProto(),
                Headcount = headcount,
                Met = headcount <= target.MaxHeadcount,
                Forecast = forecast,
            });
        }

        return burnDown;
    }

    public override Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<ChangeEvent> responseStream, ServerCallContext context)
    {
        var (missionId, after, types) = EventFeed.Parse(request.Parent, request.AfterSequence, request.EventTypes, changes.Contracts.EventTypes);
        return EventFeed.StreamAsync(db, OutboxSignal.Of(context), missionId, after, types, e => responseStream.WriteAsync(e, context.CancellationToken), context.CancellationToken);
    }

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var (entries, next) = await AuditLog.ListAsync(db, request.Parent, request.PageSize, request.PageToken, request.Resource, request.Subject,
            request.Method, context.CancellationToken);
        return new ListAuditEntriesResponse { AuditEntries = { entries }, NextPageToken = next };
    }
}
