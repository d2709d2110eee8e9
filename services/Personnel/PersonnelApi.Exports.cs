using MissionOps.Personnel.Exports;
using MissionOps.Personnel.V1;

namespace MissionOps.Personnel;

public sealed partial class PersonnelApi
{
    public override async Task<ExportHeadcountHxlResponse> ExportHeadcountHxl(ExportHeadcountHxlRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        var asOf = v.Date("as_of_date", request.AsOfDate);
        v.ThrowIfInvalid();

        var forecast = asOf > Today;
        var lines = await InScopeAsync(missionId,
            await headcounts.CountAsync(missionId, asOf, forecast, site: null, component: null, excludeResidual: false, Token(context)), Token(context));
        // One call (a page or two) for the names and P-codes of the mission's tens of sites: the
        // export is read by partners who join on P-codes, and Personnel keeps only site names.
        var sitesNow = await sites.ListAsync(missionId, Token(context));
        return new ExportHeadcountHxlResponse
        {
            Csv = HeadcountHxl.Write(missionId, asOf, forecast, lines, sitesNow),
            AsOfDate = asOf.ToProto(),
            Forecast = forecast,
            LineCount = lines.Count,
            Total = lines.Sum(l => l.Count),
        };
    }
}
