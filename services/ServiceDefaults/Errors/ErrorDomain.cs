namespace MissionOps.ServiceDefaults.Errors;

/// <summary>Stable values of <c>google.rpc.ErrorInfo</c> shared by every service.</summary>
public static class ErrorDomain
{
    public const string Name = "missionops.un.org";

    public const string InvalidRequest = "INVALID_REQUEST";
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";
    public const string ResourceAlreadyExists = "RESOURCE_ALREADY_EXISTS";
    public const string EtagMismatch = "ETAG_MISMATCH";
    public const string ConcurrentChange = "CONCURRENT_CHANGE";
    public const string DependencyUnavailable = "DEPENDENCY_UNAVAILABLE";
    public const string LimitExceeded = "LIMIT_EXCEEDED";
    public const string InternalError = "INTERNAL_ERROR";
    public const string TotalOutOfRange = "TOTAL_OUT_OF_RANGE";
}
