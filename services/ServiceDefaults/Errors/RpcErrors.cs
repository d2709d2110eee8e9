using Google.Protobuf.WellKnownTypes;
using MissionOps.Common.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using MissionOps.Client;

namespace MissionOps.ServiceDefaults.Errors;

/// <summary>Turns the shared exceptions into rich gRPC statuses (<c>google.rpc.Status</c> with details).</summary>
public static class RpcErrors
{
    /// <summary>A rule's breach as bad input, naming the request's field that carried the value.</summary>
    public static InvalidArgumentException Answered(RuleBreach breach, string field) =>
        new([new FieldViolation(field, breach.Description, breach.Rule)]);

    public static RpcException? From(Exception exception) => exception switch
    {
        RuleBreachException e => From(Answered(e.Breach, e.Breach.Attribute)),
        InvalidArgumentException e => Build(Code.InvalidArgument, e.Message, ErrorReason.InvalidRequest, new BadRequest
        {
            FieldViolations =
            {
                e.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description, Reason = v.Reason?.WireName() ?? string.Empty }),
            },
        }),
        RuleViolationException e => Build(Code.FailedPrecondition, e.Message, e.Reason, new PreconditionFailure
        {
            Violations =
            {
                e.Missing.Select(m => new PreconditionFailure.Types.Violation { Type = m.Type.WireName(), Subject = m.Subject, Description = m.Description }),
            },
        }),
        NotFoundException e => Build(Code.NotFound, e.Message, ErrorReason.ResourceNotFound,
            new ResourceInfo { ResourceType = e.ResourceType, ResourceName = e.ResourceName }),
        AlreadyExistsException e => Build(Code.AlreadyExists, e.Message, e.Reason,
            new ResourceInfo { ResourceType = e.ResourceType, ResourceName = e.ResourceName }),
        StaleEtagException e => Build(Code.Aborted, e.Message, ErrorReason.EtagMismatch,
            new ResourceInfo { ResourceName = e.ResourceName }),
        DependencyUnavailableException e => Build(Code.Unavailable, e.Message, ErrorReason.DependencyUnavailable,
            new ErrorInfo { Reason = ErrorReason.DependencyUnavailable.WireName(), Domain = ErrorDomain.Name, Metadata = { ["service"] = e.Service } },
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(e.RetryAfter) }),
        // After the case above: the wrapper carries the transient failure as its cause.
        _ when Data.TransientRetries.IsTransient(exception) => From(new DependencyUnavailableException("PostgreSQL", exception)),
        LimitExceededException e => Build(Code.ResourceExhausted, e.Message, ErrorReason.LimitExceeded, new QuotaFailure
        {
            Violations = { new QuotaFailure.Types.Violation { Subject = e.Limit, Description = $"at most {e.Maximum}" } },
        }),
        TotalOutOfRangeException e => Build(Code.OutOfRange, e.Message, ErrorReason.TotalOutOfRange, new ErrorInfo
        {
            Reason = ErrorReason.TotalOutOfRange.WireName(),
            Domain = ErrorDomain.Name,
            Metadata = { ["currency_code"] = e.Currency, ["exact_minor_units"] = e.ExactTotal },
        }),
        // Two creates of the same resource racing each other: the database's key decides, the loser is told.
        DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } } =>
            Build(Code.AlreadyExists, "The resource was created by another request at the same time.", ErrorReason.ResourceAlreadyExists),
        DbUpdateConcurrencyException => Build(Code.Aborted,
            "The resource was changed by another request at the same time; read it again and retry.",
            ErrorReason.ConcurrentChange),
        _ => null,
    };

    /// <summary>
    /// A failure the service did not expect: INTERNAL with only the trace id, which the caller quotes
    /// and the operator finds in the log with the detail. Nothing else of the failure is told.
    /// </summary>
    public static RpcException Unexpected(string traceId) =>
        Build(Code.Internal, $"The service failed unexpectedly. Quote trace id {traceId} when reporting it.",
            ErrorReason.InternalError, new ErrorInfo { Reason = ErrorReason.InternalError.WireName(), Domain = ErrorDomain.Name, Metadata = { ["trace_id"] = traceId } });

    /// <summary>An error as a partner reads it: its code, its message, an ErrorInfo with the reason, and the details.</summary>
    public static RpcException Build(Code code, string message, ErrorReason reason, params Google.Protobuf.IMessage?[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (!details.OfType<ErrorInfo>().Any())
        {
            status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason.WireName(), Domain = ErrorDomain.Name }));
        }

        foreach (var detail in details.OfType<Google.Protobuf.IMessage>())
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status.ToRpcException();
    }
}
