using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Http;

/// <summary>Refusals of the plain HTTP endpoints, as JSON transcoding writes a gRPC one: a <c>google.rpc.Status</c> with its details.</summary>
public static class StatusJson
{
    public static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(Contracts.ContractTypes.Registry));

    public static IResult From(RpcException exception)
    {
        var status = exception.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)exception.StatusCode, Message = exception.Status.Detail };
        return Results.Text(Formatter.Format(status), "application/json", System.Text.Encoding.UTF8, HttpStatusOf((StatusCode)status.Code));
    }

    public static IResult Refusal(Google.Rpc.Code code, string message, ErrorReason reason) => From(RpcErrors.Build(code, message, reason));

    /// <summary>No token, or one this service does not accept: what the gRPC endpoint answers too.</summary>
    public static IResult TokenRequired() =>
        Refusal(Google.Rpc.Code.Unauthenticated, "A valid bearer token for this service is required.", ErrorReason.AuthenticationRequired);

    /// <summary>An exception of the shared kinds (bad input, not found) as its Status; others are not refusals.</summary>
    public static IResult? FromShared(Exception exception) => RpcErrors.From(exception) is { } rpc ? From(rpc) : null;

    /// <summary>The mapping of google/rpc/code.proto, as gRPC-HTTP/JSON gateways apply it.</summary>
    public static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.OK => StatusCodes.Status200OK,
        StatusCode.Cancelled => 499,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
