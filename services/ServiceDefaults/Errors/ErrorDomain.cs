namespace MissionOps.ServiceDefaults.Errors;

/// <summary>The domain of every <c>google.rpc.ErrorInfo</c> the services send; its reasons are the contract's <c>ErrorReason</c>.</summary>
public static class ErrorDomain
{
    public const string Name = "missionops.un.org";
}
