using MissionOps.Liquidation.Plan;
using MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation;

public sealed partial class LiquidationApi
{
    public override async Task<V1.LiquidationPlan> UpdateLiquidationPlan(UpdateLiquidationPlanRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        v.RequestId("request_id", request.RequestId);
        var input = request.LiquidationPlan;
        if (input is null)
        {
            v.Add("liquidation_plan", "is required");
            v.ThrowIfInvalid();
        }

        var missionId = SingletonMission(v, "liquidation_plan.name", input!.Name, "liquidationPlan");
        var start = v.Date("liquidation_plan.start_date", input.StartDate);
        var threshold = MoneyInput.Parse(v, "liquidation_plan.approval_threshold", input.ApprovalThreshold);
        v.ThrowIfInvalid();

        return await changes.RunAsync<V1.LiquidationPlan>(request, async ct =>
        {
            var plan = await db.Plans.SingleOrDefaultAsync(p => p.MissionId == missionId, ct);
            if (plan is null)
            {
                // An etag is the version of a plan the caller read: there is none yet to have read.
                if (!string.IsNullOrEmpty(request.Etag))
                {
                    throw new StaleEtagException(input.Name, "none");
                }

                plan = Plan.LiquidationPlan.Create(missionId, start, threshold!.Value.Currency, threshold.Value.MinorUnits, Now);
                db.Plans.Add(plan);
            }
            else
            {
                plan.Change(start, threshold!.Value.Currency, threshold.Value.MinorUnits, Now);
            }

            return plan;
        }, Token(context));
    }

    public override async Task<V1.LiquidationPlan> GetLiquidationPlan(GetLiquidationPlanRequest request, ServerCallContext context)
    {
        var missionId = SingletonMission("name", request.Name, "liquidationPlan");
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.MissionId == missionId, Token(context))
            ?? throw new NotFoundException("missionops.un.org/LiquidationPlan", request.Name);
        return plan.ToProto((await personnel.ResidualRosterAsync(missionId, Token(context))).Select(e => e.ToProto()).ToList());
    }

    /// <summary>The mission of a resource it has one of (<c>missions/{mission}/liquidationPlan</c>), or INVALID_ARGUMENT.</summary>
    private static string SingletonMission(string field, string? name, string singleton)
    {
        var v = new RequestValidator();
        var missionId = SingletonMission(v, field, name, singleton);
        v.ThrowIfInvalid();
        return missionId;
    }

    /// <summary>The mission of a resource it has one of (<c>missions/{mission}/liquidationPlan</c>).</summary>
    private static string SingletonMission(RequestValidator v, string field, string? name, string singleton)
    {
        var parts = (name ?? string.Empty).Split('/');
        if (parts is ["missions", { Length: > 0 } mission, var last] && last == singleton)
        {
            return mission;
        }

        v.Add(field, $"'{name}' is not of the form missions/{{mission}}/{singleton}");
        return string.Empty;
    }
}
