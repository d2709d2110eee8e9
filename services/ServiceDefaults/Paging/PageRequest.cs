using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Paging;

/// <summary>
/// AIP-158 pagination by key: the token carries the last key returned, sealed by
/// <see cref="PageTokens"/> for the call it was issued in, with a fingerprint of the filters as
/// the service reads them, so a token is neither altered nor replayed against other filters.
/// </summary>
public sealed record PageRequest(int Size, string? AfterKey)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 1000;

    public static PageRequest Parse(int pageSize, string? pageToken, string filterFingerprint = "")
    {
        if (pageSize < 0)
        {
            throw new InvalidArgumentException("page_size", "must not be negative");
        }

        var size = pageSize == 0 ? DefaultSize : Math.Min(pageSize, MaxSize);
        if (string.IsNullOrEmpty(pageToken))
        {
            return new PageRequest(size, null);
        }

        var decoded = PageTokens.Open(pageToken);
        var separator = decoded.IndexOf('\n', StringComparison.Ordinal);
        if (separator < 0 || decoded[..separator] != filterFingerprint)
        {
            throw new InvalidArgumentException("page_token", "was issued for other filters; send the same filters as the first page");
        }

        return new PageRequest(size, decoded[(separator + 1)..]);
    }

    /// <summary>The next page's token when this page came back full, else empty (the last page).</summary>
    public string NextToken<T>(IReadOnlyList<T> page, Func<T, string> key, string filterFingerprint = "") =>
        page.Count < Size ? string.Empty : PageTokens.Seal(filterFingerprint + "\n" + key(page[^1]));
}
