using MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation;

public sealed partial class LiquidationApi
{
    public override async Task<LiquidationReport> GetLiquidationReport(GetLiquidationReportRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("mission", request.Mission, "missions")[0];
        var today = Today;
        var day = v.OptionalDate("as_of_date", request.AsOfDate) ?? today;
        v.Check(day <= today, "as_of_date", $"must not be after today ({today:yyyy-MM-dd}): the report counts what has been recorded");
        v.ThrowIfInvalid();
        return await finalReport.BuildAsync(missionId, day, today, Token(context),
            await Readiness.ReadinessRegions.OfCallerAsync(siteRegions, missionId, Token(context)));
    }
}
