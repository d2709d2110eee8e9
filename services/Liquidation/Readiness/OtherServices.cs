using MissionOps.ServiceDefaults.Clients;

namespace MissionOps.Liquidation.Readiness;

/// <summary>Whole lists from the other services, page by page.</summary>
public static class OtherServices
{
    /// <summary>Every page of a list.</summary>
    public static async Task<List<TItem>> AllPagesAsync<TItem>(string service, Func<string, Task<(IEnumerable<TItem> Items, string Next)>> page)
    {
        var items = new List<TItem>();
        var token = string.Empty;
        do
        {
            var (pageItems, next) = await ServiceCalls.AskAsync(service, () => page(token));
            items.AddRange(pageItems);
            token = next;
        }
        while (token.Length > 0);

        return items;
    }
}
