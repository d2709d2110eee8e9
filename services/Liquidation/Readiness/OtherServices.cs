using Grpc.Core;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.Liquidation.Readiness;

/// <summary>Calls to the other services, where a service that cannot be reached is named, never taken as an empty answer.</summary>
public static class OtherServices
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

    /// <summary>Every page of a list.</summary>
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
