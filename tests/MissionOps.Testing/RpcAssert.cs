using Google.Rpc;
using Grpc.Core;
using MissionOps.ServiceDefaults.Errors;
using Xunit;
using ErrorReason = MissionOps.Common.V1.ErrorReason;
using MissionOps.Client;

namespace MissionOps.Testing;

/// <summary>Assertions on the shared error model: status code, ErrorInfo reason, and the details that name what is wrong.</summary>
public static class RpcAssert
{
    /// <summary>
    /// The status <paramref name="code"/>; for a code that has one reason in the contract, with that reason in its
    /// ErrorInfo (and for UNAVAILABLE, a RetryInfo saying when to retry).
    /// </summary>
    public static async Task<RpcException> Fails(StatusCode code, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(exception.StatusCode == code, $"Expected {code} but got {exception.StatusCode}: {exception.Status.Detail}");
        if (OnlyReasonOf(code) is { } reason)
        {
            Assert.Equal(reason.WireName(), Reason(exception));
            Assert.Equal(ErrorDomain.Name, exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Domain);
        }

        if (code == StatusCode.Unavailable)
        {
            Assert.True(exception.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan() > TimeSpan.Zero, "UNAVAILABLE without a RetryInfo delay");
        }

        return exception;
    }

    /// <summary>
    /// The reason a status code always carries, for the codes that have only one. Not RESOURCE_EXHAUSTED: gRPC itself
    /// answers it, with no ErrorInfo, for a message over the size limit; the services' own limits say LIMIT_EXCEEDED.
    /// </summary>
    public static ErrorReason? OnlyReasonOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => ErrorReason.InvalidRequest,
        StatusCode.NotFound => ErrorReason.ResourceNotFound,
        StatusCode.Unavailable => ErrorReason.DependencyUnavailable,
        StatusCode.Unauthenticated => ErrorReason.AuthenticationRequired,
        StatusCode.PermissionDenied => ErrorReason.PermissionDenied,
        _ => null,
    };

    /// <summary>UNAVAILABLE because the service takes no more calls at once: reason OVERLOADED, and when to come back.</summary>
    public static async Task<RpcException> Overloaded(Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(exception.StatusCode == StatusCode.Unavailable, $"Expected Unavailable but got {exception.StatusCode}: {exception.Status.Detail}");
        Assert.Equal(ErrorReason.Overloaded.WireName(), Reason(exception));
        Assert.True(exception.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan() > TimeSpan.Zero, "UNAVAILABLE without a RetryInfo delay");
        return exception;
    }

    /// <summary>INVALID_ARGUMENT naming exactly these fields in its BadRequest.</summary>
    public static async Task<IReadOnlyList<BadRequest.Types.FieldViolation>> InvalidArgument(Func<Task> call, params string[] fields)
    {
        var exception = await Fails(StatusCode.InvalidArgument, call);
        var badRequest = exception.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(fields.Order(StringComparer.Ordinal), badRequest.FieldViolations.Select(v => v.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.All(badRequest.FieldViolations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        return badRequest.FieldViolations;
    }

    /// <summary>FAILED_PRECONDITION with this ErrorInfo reason; returns the listed blockers.</summary>
    public static async Task<IReadOnlyList<PreconditionFailure.Types.Violation>> FailedPrecondition(Func<Task> call, string reason)
    {
        var exception = await Fails(StatusCode.FailedPrecondition, call);
        Assert.Equal(reason, Reason(exception));
        return exception.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.ToList() ?? [];
    }

    /// <summary>
    /// INTERNAL as an unexpected failure is answered: reason INTERNAL_ERROR and a message that
    /// quotes the trace id and tells nothing else of the failure; returns the trace id and the failure.
    /// </summary>
    public static async Task<(string TraceId, RpcException Failure)> Internal(Func<Task> call)
    {
        var exception = await Fails(StatusCode.Internal, call);
        var info = exception.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.Equal("INTERNAL_ERROR", info?.Reason);
        var traceId = info!.Metadata["trace_id"];
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.Equal($"The service failed unexpectedly. Quote trace id {traceId} when reporting it.", exception.Status.Detail);
        return (traceId, exception);
    }

    /// <summary>How a call ended, without failing the test: OK, or its status and ErrorInfo reason (for calls raced against each other).</summary>
    public static async Task<(StatusCode Code, string? Reason)> OutcomeOf(Task call)
    {
        try
        {
            await call;
            return (StatusCode.OK, null);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, Reason(e));
        }
    }

    public static string? Reason(RpcException exception) => exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
}
