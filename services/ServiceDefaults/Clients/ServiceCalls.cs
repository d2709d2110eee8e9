using Grpc.Core;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Clients;

/// <summary>Calls to another MissionOps service, where one that cannot be reached is named, never taken as an answer.</summary>
public static class ServiceCalls
{
    public static async Task<T> AskAsync<T>(string service, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            throw new DependencyUnavailableException(service, e);
        }
        catch (HttpRequestException e)
        {
            throw new DependencyUnavailableException(service, e);
        }
    }
}
