using Google.Rpc;
using Grpc.Core;
using MissionOps.Common.V1;

namespace MissionOps.Client;

/// <summary>
/// A call the service refused or failed, as the contract describes it: the status code, the
/// <see cref="ErrorReason"/> to branch on, the fields of a bad request, what blocks a refused change,
/// the message in the caller's language, and for UNAVAILABLE how long to wait before retrying. It is the
/// <see cref="RpcException"/> the call failed with, read: code that catches RpcException still catches it.
/// </summary>
public sealed class MissionOpsException : RpcException
{
    private MissionOpsException(RpcException error, Google.Rpc.Status? status)
        : base(error.Status, error.Trailers, status?.Message ?? error.Status.Detail)
    {
        Rpc = error;
        Code = error.StatusCode;
        var info = status?.GetDetail<ErrorInfo>();
        Reason = info is not null && ErrorReasons.Parse(info.Reason) is { } reason ? reason : ErrorReason.Unspecified;
        Metadata = info?.Metadata.ToDictionary() ?? [];
        FieldViolations = status?.GetDetail<BadRequest>()?.FieldViolations.ToList() ?? [];
        Missing = status?.GetDetail<PreconditionFailure>()?.Violations.ToList() ?? [];
        LocalizedMessage = status?.GetDetail<LocalizedMessage>()?.Message;
        RetryDelay = status?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan();
    }

    /// <summary>The status code; the same as <see cref="RpcException.StatusCode"/>.</summary>
    public StatusCode Code { get; }

    /// <summary>Why, from the contract's enum; <see cref="ErrorReason.Unspecified"/> when the answer carried none (a proxy, the network).</summary>
    public ErrorReason Reason { get; }

    /// <summary>The ErrorInfo's metadata: the unreachable <c>service</c>, the <c>trace_id</c> to quote.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>For INVALID_ARGUMENT: each bad field, why, and the rule it breaks.</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> FieldViolations { get; }

    /// <summary>For FAILED_PRECONDITION: what blocks the change, each typed by an <see cref="ErrorReason"/> name.</summary>
    public IReadOnlyList<PreconditionFailure.Types.Violation> Missing { get; }

    /// <summary>What the reason means and what to do, in the language asked for (<see cref="MissionOpsClientOptions.Language"/>).</summary>
    public string? LocalizedMessage { get; }

    public TimeSpan? RetryDelay { get; }

    /// <summary>The exception the gRPC call threw.</summary>
    public RpcException Rpc { get; }

    public static MissionOpsException From(RpcException error) => new(error, error.GetRpcStatus());
}
