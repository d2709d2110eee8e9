using Grpc.Core;
using Microsoft.Extensions.Localization;
using MissionOps.Board.Calls;
using MissionOps.Board.Security;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Records;

/// <summary>The printable records, downloaded as the signed-in user: the services decide what that user may have.</summary>
public static class RecordEndpoints
{
    public static string HandoverRecordPath(string site) => $"/{site}/handover-record.pdf";

    public static WebApplication MapRecords(this WebApplication app)
    {
        app.MapGet("/missions/{mission}/sites/{site}/handover-record.pdf", async (string mission, string site, HttpContext context,
            ServiceAddresses addresses, IStringLocalizer<Texts> texts, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var token = BoardClaims.TokenOf(context.User);
            if (token is null)
            {
                return Results.Unauthorized();
            }

            using var services = addresses.ClientFor((_, _) => ValueTask.FromResult(token), "en");
            try
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
        }).RequireAuthorization();
        return app;
    }
}
