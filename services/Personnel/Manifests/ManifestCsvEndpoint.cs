using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.Http.Features;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Http;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Personnel.Manifests;

/// <summary>
/// A manifest as a CSV upload, <c>POST /v1/missions/{mission}/movements:importManifest?manifest_id=…&amp;request_id=…</c>
/// (see <see cref="ManifestCsv"/>), for those who cannot open a gRPC client stream: the file is streamed, as it is read,
/// to the service's own ImportMovementManifest with the caller's token, so access, checks, idempotency, audit and the
/// all-or-nothing transaction are the RPC's, and so is the answer (its response, or its status as JSON).
/// </summary>
public static class ManifestCsvEndpoint
{
    public const string Route = "/v1/missions/{mission}/movements:importManifest";

    /// <summary>Rows per message to the RPC by default (<c>Personnel:ManifestCsvBatchRows</c>): a message stays far under 4 MiB, and few carry a big file.</summary>
    public const int BatchRows = 1000;

    public static IEndpointRouteBuilder MapManifestCsv(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, ImportAsync);
        return app;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, string mission, string? manifest_id, string? request_id, OwnGrpc own,
        IConfiguration configuration)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return StatusJson.TokenRequired();
        }

        // The RPC bounds a manifest by its rows, and the file by them: the server's default body limit would cut a big one short.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var ct = http.RequestAborted;
        using var call = new PersonnelService.PersonnelServiceClient(own.InvokerFor(http)).ImportMovementManifest(OwnGrpc.OptionsFor(http));
        try
        {
            await call.RequestStream.WriteAsync(new ImportMovementManifestRequest
            {
                Header = new ManifestHeader { Parent = $"missions/{mission}", ManifestId = manifest_id ?? string.Empty, RequestId = request_id ?? string.Empty },
            }, ct);
            if ((await call.ResponseHeadersAsync).GetValue(AuthorizationInterceptor.AdmittedHeader) is null)
            {
                await call.ResponseAsync;
            }

            await using var csv = await ManifestCsv.OpenAsync(http.Request.Body, mission, ct);
            await foreach (var rows in csv.BatchesAsync(configuration.GetValue("Personnel:ManifestCsvBatchRows", BatchRows), ct))
            {
                await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Rows = rows }, ct);
            }

            await call.RequestStream.CompleteAsync();
            return Results.Text(StatusJson.Formatter.Format(await call.ResponseAsync), "application/json", System.Text.Encoding.UTF8);
        }
        catch (InvalidArgumentException e)
        {
            // The file's own fault: the call is cancelled unfinished as it is disposed, so nothing of it is stored.
            return StatusJson.FromShared(e)!;
        }
        catch (RpcException e) when (!ct.IsCancellationRequested)
        {
            // A write fails once the RPC has refused; its answer says why.
            var refusal = e;
            try
            {
                await call.ResponseAsync;
            }
            catch (RpcException answer)
            {
                refusal = answer;
            }

            return StatusJson.From(AsSent(refusal));
        }
    }

    /// <summary>The refusal naming what the caller sent: the RPC's <c>header.manifest_id</c> is the query's <c>manifest_id</c>.</summary>
    private static RpcException AsSent(RpcException refusal)
    {
        if (refusal.GetRpcStatus() is not { } status)
        {
            return refusal;
        }

        static string Sent(string field) => field.Replace("header.parent", "mission", StringComparison.Ordinal).Replace("header.", string.Empty, StringComparison.Ordinal);
        status.Message = Sent(status.Message);
        for (var i = 0; i < status.Details.Count; i++)
        {
            if (status.Details[i].TryUnpack<BadRequest>(out var bad))
            {
                foreach (var violation in bad.FieldViolations)
                {
                    violation.Field = Sent(violation.Field);
                }

                status.Details[i] = Any.Pack(bad);
            }
            else if (status.Details[i].TryUnpack<LocalizedMessage>(out var localized))
            {
                localized.Message = Sent(localized.Message);
                status.Details[i] = Any.Pack(localized);
            }
        }

        return status.ToRpcException();
    }
}
