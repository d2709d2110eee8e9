using System.Text;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Paging;

/// <summary>
/// AIP-158 pagination by key: the token carries the last key returned and a fingerprint of the
/// filters, so a token cannot be replayed against other filters.
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

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(pageToken));
        }
        catch (FormatException)
        {
            throw new InvalidArgumentException("page_token", "is not a token this service issued");
        }

        var separator = decoded.IndexOf('\n', StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new InvalidArgumentException("page_token", "is not a token this service issued");
        }

        if (decoded[..separator] != filterFingerprint)
        {
            throw new InvalidArgumentException("page_token", "was issued for other filters; send the same filters as the first page");
        }

        return new PageRequest(size, decoded[(separator + 1)..]);
    }

    /// <summary>The next page's token when this page came back full, else empty (the last page).</summary>
    public string NextToken<T>(IReadOnlyList<T> page, Func<T, string> key, string filterFingerprint = "") =>
        page.Count < Size
            ? string.Empty
            : Convert.ToBase64String(Encoding.UTF8.GetBytes(filterFingerprint + "\n" + key(page[^1])));
}
