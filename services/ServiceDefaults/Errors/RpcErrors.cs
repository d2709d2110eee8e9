using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

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
        InvalidArgumentException e => Build(Code.InvalidArgument, e.Message, ErrorDomain.InvalidRequest, new BadRequest
        {
            FieldViolations =
            {
                e.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description, Reason = v.Reason ?? string.Empty }),
            },
        }),
        RuleViolationException e => Build(Code.FailedPrecondition, e.Message, e.Reason, new PreconditionFailure
        {
            Violations =
            {
                e.Missing.Select(m => new PreconditionFailure.Types.Violation { Type = m.Type, Subject = m.Subject, Description = m.Description }),
            },
        }),
        NotFoundException e => Build(Code.NotFound, e.Message, ErrorDomain.ResourceNotFound,
            new ResourceInfo { ResourceType = e.ResourceType, ResourceName = e.ResourceName }),
        AlreadyExistsException e => Build(Code.AlreadyExists, e.Message, ErrorDomain.ResourceAlreadyExists,
            new ResourceInfo { ResourceType = e.ResourceType, ResourceName = e.ResourceName }),
        StaleEtagException e => Build(Code.Aborted, e.Message, ErrorDomain.EtagMismatch,
            new ResourceInfo { ResourceName = e.ResourceName }),
        DependencyUnavailableException e => Build(Code.Unavailable, e.Message, ErrorDomain.DependencyUnavailable,
            new ErrorInfo { Reason = ErrorDomain.DependencyUnavailable, Domain = ErrorDomain.Name, Metadata = { ["service"] = e.Service } }),
        LimitExceededException e => Build(Code.ResourceExhausted, e.Message, ErrorDomain.LimitExceeded, new QuotaFailure
        {
            Violations = { new QuotaFailure.Types.Violation { Subject = e.Limit, Description = $"at most {e.Maximum}" } },
        }),
        TotalOutOfRangeException e => Build(Code.OutOfRange, e.Message, ErrorDomain.TotalOutOfRange, new ErrorInfo
        {
            Reason = ErrorDomain.TotalOutOfRange,
            Domain = ErrorDomain.Name,
            Metadata = { ["currency_code"] = e.Currency, ["exact_minor_units"] = e.ExactTotal },
        }),
        // Two creates of the same resource racing each other: the database's key decides, the loser is told.
        DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } } =>
            Build(Code.AlreadyExists, "The resource was created by another request at the same time.", ErrorDomain.ResourceAlreadyExists, detail: null),
        DbUpdateConcurrencyException => Build(Code.Aborted,
            "The resource was changed by another request at the same time; read it again and retry.",
            ErrorDomain.ConcurrentChange, detail: null),
        _ => null,
    };

    /// <summary>
    /// A failure the service did not expect: INTERNAL with only the trace id, which the caller quotes
    /// and the operator finds in the log with the detail. Nothing else of the failure is told.
    /// </summary>
    public static RpcException Unexpected(string traceId) =>
        Build(Code.Internal, $"The service failed unexpectedly. Quote trace id {traceId} when reporting it.",
            ErrorDomain.InternalError, new ErrorInfo { Reason = ErrorDomain.InternalError, Domain = ErrorDomain.Name, Metadata = { ["trace_id"] = traceId } });

    private static RpcException Build(Code code, string message, string reason, Google.Protobuf.IMessage? detail)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (detail is not ErrorInfo)
        {
            status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason, Domain = ErrorDomain.Name }));
        }

        if (detail is not null)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status.ToRpcException();
    }
}
