using Grpc.Core;
using MissionOps.Client.Tokens;
using MissionOps.ServiceDefaults.Errors;
using Polly.CircuitBreaker;

namespace MissionOps.ServiceDefaults.Clients;

/// <summary>Calls to another MissionOps service, where one that cannot be reached is named, never taken as an answer.</summary>
public static class ServiceCalls
{
    /// <summary>Named as the dependency when this service cannot get its own token to call another.</summary>
    public const string IdentityProvider = "identity provider";

    public static async Task<T> AskAsync<T>(string service, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.Status.DebugException is TokenUnavailableException)
        {
            throw new DependencyUnavailableException(IdentityProvider, e);
        }
        catch (RpcException e) when (NeighbourBreaker.IsNeighbourFailure(e.StatusCode))
        {
            throw new DependencyUnavailableException(service, e, (e.Status.DebugException as BrokenCircuitException)?.RetryAfter);
        }
        catch (HttpRequestException e)
        {
            throw new DependencyUnavailableException(service, e);
        }
    }

    /// <summary>Every page of a list another service serves, asked page by page as <see cref="AskAsync"/> asks.</summary>
    public static async Task<List<TItem>> AllPagesAsync<TItem>(string service, Func<string, Task<(IEnumerable<TItem> Items, string Next)>> page)
    {
        var items = new List<TItem>();
        var token = string.Empty;
        do
        {
            var (pageItems, next) = await AskAsync(service, () => page(token));
            items.AddRange(pageItems);
            token = next;
        }
        while (token.Length > 0);

        return items;
    }
}
