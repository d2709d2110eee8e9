using MissionOps.Liquidation.Forecast;
using MissionOps.Liquidation.Readiness;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.Liquidation;

public sealed partial class LiquidationApi
{
    private const int MaxChanges = 100;

    public override async Task<V1.MissionForecast> GetMissionForecast(V1.GetMissionForecastRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (missionId, day) = ForecastOf(v, request.Mission, request.AsOfDate);
        v.ThrowIfInvalid();
        var (facts, regions) = await FactsAsync(missionId, day, context);
        return Forecaster.Forecast(facts).ToProto(regions?.Codes ?? []);
    }

    public override async Task<V1.ForecastWhatIfResponse> ForecastWhatIf(V1.ForecastWhatIfRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (missionId, day) = ForecastOf(v, request.Mission, request.AsOfDate);
        v.Check(request.Changes.Count is > 0 and <= MaxChanges, "changes", $"must hold between 1 and {MaxChanges} changes");
        var changes = ForecastContract.FromProto($"missions/{missionId}", request.Changes, v);
        v.ThrowIfInvalid();
        var (facts, regions) = await FactsAsync(missionId, day, context);
        var codes = regions?.Codes.ToList() ?? [];
        return new V1.ForecastWhatIfResponse
        {
            Current = Forecaster.Forecast(facts).ToProto(codes),
            WhatIf = WhatIf.Forecast(facts, changes).ToProto(codes),
        };
    }

    private (string MissionId, DateOnly Day) ForecastOf(RequestValidator v, string mission, Google.Type.Date? asOf)
    {
        var missionId = v.Name("mission", mission, "missions") is [var id] ? id : string.Empty;
        var day = v.OptionalDate("as_of_date", asOf) ?? Today;
        v.Check(day <= Today, "as_of_date", $"must not be after today ({Today:yyyy-MM-dd}): a forecast reads what is recorded");
        return (missionId, day);
    }

    /// <summary>The facts as of the day, limited to the caller's regions; a mission Liquidation has not read from the Sites feed is NOT_FOUND.</summary>
    private async Task<(ForecastFacts Facts, ReadinessRegions? Regions)> FactsAsync(string missionId, DateOnly day, ServerCallContext context)
    {
        var regions = await ReadinessRegions.OfCallerAsync(siteRegions, missionId, Token(context));
        var facts = await forecastRecord.FactsAsync(missionId, day, regions, Token(context))
            ?? throw new NotFoundException("missionops.un.org/Mission", $"missions/{missionId}");
        return (facts, regions);
    }
}
