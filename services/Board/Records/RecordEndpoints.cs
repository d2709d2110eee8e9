using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Localization;
using MissionOps.Board.Calls;
using MissionOps.Board.Security;
using MissionOps.Client;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Telemetry;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Records;

/// <summary>The printable records, downloaded as the signed-in user: the services decide what that user may have.</summary>
public static class RecordEndpoints
{
    public static string HandoverRecordPath(string site) => $"/{site}/handover-record.pdf";

    public static string LiquidationReportPath(string missionId) => $"/missions/{missionId}/liquidation-report.pdf";

    public static WebApplication MapRecords(this WebApplication app)
    {
        app.MapGet("/missions/{mission}/sites/{site}/handover-record.pdf", async (string mission, string site, HttpContext context,
            ServiceAddresses addresses, IStringLocalizer<Texts> texts, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            return await AsUserAsync(context, addresses, async services =>
            {
                var missionCall = services.Sites.GetMissionAsync(new GetMissionRequest { Name = $"missions/{mission}" }, cancellationToken: cancellationToken).ResponseAsync;
                var siteCall = services.Sites.GetSiteAsync(new GetSiteRequest { Name = $"missions/{mission}/sites/{site}" }, cancellationToken: cancellationToken).ResponseAsync;
                await Task.WhenAll(missionCall, siteCall);
                if (siteCall.Result.Handover is null)
                {
                    return Results.NotFound($"missions/{mission}/sites/{site} is not handed over: there is no handover record yet.");
                }

                var pdf = HandoverRecord.Write(missionCall.Result, siteCall.Result, new BothLanguages(texts), clock.GetUtcNow());
                return Results.File(pdf, "application/pdf", $"handover-record-{mission}-{site}.pdf");
            });
        }).RequireAuthorization();

        app.MapGet("/missions/{mission}/liquidation-report.pdf", async (string mission, string? asOf, HttpContext context, ServiceAddresses addresses,
            IStringLocalizer<Texts> texts, MissionPlanningDays planningDays, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            return await AsUserAsync(context, addresses, async services =>
            {
                DateOnly day;
                if (string.IsNullOrEmpty(asOf))
                {
                    day = planningDays.Of(mission);
                }
                else if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
                {
                    return Results.BadRequest("asOf: a day as yyyy-MM-dd.");
                }

                var name = $"missions/{mission}";
                var missionCall = services.Sites.GetMissionAsync(new GetMissionRequest { Name = name }, cancellationToken: cancellationToken).ResponseAsync;
                var reportCall = services.Liquidation.GetLiquidationReportAsync(new GetLiquidationReportRequest { Mission = name, AsOfDate = day.ToProto() },
                    cancellationToken: cancellationToken).ResponseAsync;
                var final = await FinalReportAsync(services.Liquidation, name, cancellationToken);
                await Task.WhenAll(missionCall, reportCall);
                var pdf = LiquidationReportRecord.Write(missionCall.Result, final?.Report ?? reportCall.Result, final, new BothLanguages(texts), clock.GetUtcNow());
                return Results.File(pdf, "application/pdf",
                    final is null ? $"liquidation-report-{mission}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf" : $"final-report-{mission}.pdf");
            });
        }).RequireAuthorization();
        return app;
    }

    /// <summary>
    /// Makes a record with the four services called as the signed-in person, and says what the services refused as HTTP
    /// says it: 404 for what does not exist, 403 for what the person may not have.
    /// </summary>
    private static async Task<IResult> AsUserAsync(HttpContext context, ServiceAddresses addresses, Func<MissionOpsClient, Task<IResult>> make)
    {
        if (BoardClaims.TokenOf(context.User) is not { } token)
        {
            return Results.Unauthorized();
        }

        using var services = addresses.ClientFor((_, _) => ValueTask.FromResult(token), "en");
        try
        {
            return await make(services);
        }
        catch (RpcException refused)
        {
            return refused.StatusCode switch
            {
                StatusCode.NotFound => Results.NotFound(refused.Status.Detail),
                StatusCode.PermissionDenied or StatusCode.Unauthenticated => Results.Problem(refused.Status.Detail, statusCode: StatusCodes.Status403Forbidden),
                _ => Results.Problem(refused.Status.Detail, statusCode: StatusCodes.Status503ServiceUnavailable),
            };
        }
    }

    private static async Task<FinalReport?> FinalReportAsync(LiquidationService.LiquidationServiceClient liquidation, string mission, CancellationToken cancellationToken)
    {
        try
        {
            return await liquidation.GetFinalReportAsync(new GetFinalReportRequest { Name = $"{mission}/finalReport" }, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
