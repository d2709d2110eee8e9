using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Events;
using MissionOps.Sites.Closure;
using MissionOps.Sites.Handover;
using MissionOps.Sites.Sites;
using MissionOps.Sites.V1;

namespace MissionOps.Sites;

public sealed partial class SitesApi
{
    public override async Task<V1.Site> PlanSiteClosure(PlanSiteClosureRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var siteIds = v.Name("name", request.Name, "missions", "sites");
        var phaseIds = v.Name("drawdown_phase", request.DrawdownPhase, "missions", "drawdownPhases");
        var planned = v.Date("planned_closure_date", request.PlannedClosureDate);
        v.RequestId("request_id", request.RequestId);
        v.Check(phaseIds[0].Length == 0 || phaseIds[0] == siteIds[0], "drawdown_phase", "must be a phase of the site's own mission");
        v.ThrowIfInvalid();

        var phase = await db.DrawdownPhases.AsNoTracking()
            .SingleOrDefaultAsync(p => p.MissionId == phaseIds[0] && p.Id == phaseIds[1], Token(context))
            ?? throw new NotFoundException("missionops.un.org/DrawdownPhase", request.DrawdownPhase);

        return await ChangeSiteAsync(request, request.Name,
            site => site.PlanClosure(phase, planned, Now), Token(context));
    }

    public override async Task<V1.Site> RecordClosureStep(RecordClosureStepRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        v.Name("name", request.Name, "missions", "sites");
        var step = ClosureMapping.ParseStep(v, "step", request.Step);
        v.RequestId("request_id", request.RequestId);
        v.ThrowIfInvalid();

        return await ChangeSiteAsync(request, request.Name,
            site => site.RecordClosureStep(step, Now), Token(context));
    }

    public override async Task<V1.Site> RecordSiteClosure(RecordSiteClosureRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        v.Name("name", request.Name, "missions", "sites");
        var closureDate = v.Date("closure_date", request.ClosureDate);
        var notes = v.OptionalBilingual("notes", request.Notes);
        v.RequestId("request_id", request.RequestId);
        Text? reason = null;
        IReadOnlyList<Closure.ItemLeftInPlace> itemsLeft = [];
        if (request.Emergency is { } emergency)
        {
            reason = v.Bilingual("emergency.reason", emergency.Reason);
            itemsLeft = ClosureMapping.ParseItemsLeft(v, "emergency.items_left_in_place", emergency.ItemsLeftInPlace);
        }

        v.ThrowIfInvalid();

        return await changes.RunAsync<V1.Site>(request, async ct =>
        {
            var site = await FindSiteAsync("name", request.Name, ct);
            if (reason is null)
            {
                site.CheckNormalClosure(closureDate);
                site.RecordClosure(closureDate, notes, await clearance.AskAsync(site.MissionId, site.Name, closureDate, ct), Now);
            }
            else
            {
                site.RecordEmergencyClosure(closureDate, reason, itemsLeft, notes, await WhatStayedAsync(site, closureDate, ct), Caller(context), Now);
            }

            return site;
        }, Token(context));
    }

    /// <summary>A site left in an emergency is recorded even when the other services cannot say who and what stayed.</summary>
    private async Task<Closure.WhatStayed> WhatStayedAsync(Sites.Site site, DateOnly day, CancellationToken ct)
    {
        try
        {
            var stayed = await clearance.AskAsync(site.MissionId, site.Name, day, ct);
            return new Closure.WhatStayed(stayed.PersonnelRemaining, stayed.OpenProjects, Complete: true);
        }
        catch (DependencyUnavailableException)
        {
            return new Closure.WhatStayed(0, [], Complete: false);
        }
    }

    public override async Task<V1.Site> RecordSiteHandover(RecordSiteHandoverRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        v.Name("name", request.Name, "missions", "sites");
        var handover = HandoverMapping.Parse(v, "handover", request.Handover);
        v.RequestId("request_id", request.RequestId);
        v.ThrowIfInvalid();

        return await ChangeSiteAsync(request, request.Name, site => site.RecordHandover(handover, Now), Token(context));
    }

    public override async Task<V1.Site> RecordSiteLeftWithoutHandover(RecordSiteLeftWithoutHandoverRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        v.Name("name", request.Name, "missions", "sites");
        var (circumstance, leftDate, reason, itemsLeft, boardReference) =
            LeftWithoutHandover.LeftWithoutHandoverMapping.Parse(v, "left_without_handover", request.LeftWithoutHandover);
        v.RequestId("request_id", request.RequestId);
        v.ThrowIfInvalid();

        var left = new LeftWithoutHandover.SiteLeftWithoutHandover(circumstance, leftDate, reason, itemsLeft, boardReference, Caller(context), Now);
        return await ChangeSiteAsync(request, request.Name, site => site.RecordLeftWithoutHandover(left, Now), Token(context));
    }
}
