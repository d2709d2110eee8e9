using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace MissionOps.ServiceDefaults.Paging;

public static class KeysetPaging
{
    private static readonly System.Reflection.MethodInfo Compare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>One page in key order: the rows whose key comes after the token's, at most the page size.</summary>
    public static Task<List<T>> PageAsync<T>(this IQueryable<T> query, PageRequest page, Expression<Func<T, string>> key,
        CancellationToken cancellationToken)
    {
        if (page.AfterKey is not null)
        {
            // The key is read from a captured value, so the database sees a parameter, not a literal.
            var after = Expression.Property(Expression.Constant(page), nameof(PageRequest.AfterKey));
            var isAfter = Expression.GreaterThan(Expression.Call(Compare, key.Body, after), Expression.Constant(0));
            query = query.Where(Expression.Lambda<Func<T, bool>>(isAfter, key.Parameters));
        }

        return query.OrderBy(key).Take(page.Size).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// What a List RPC answers: the page its size and token ask for, in key order, and the next page's token, which
    /// holds the fingerprint of the request's filters (a token is refused with other filters).
    /// </summary>
    public static async Task<(List<T> Items, string NextPageToken)> PageAsync<T>(this IQueryable<T> query, int pageSize, string? pageToken,
        Expression<Func<T, string>> key, CancellationToken cancellationToken, string filterFingerprint = "")
    {
        var page = PageRequest.Parse(pageSize, pageToken, filterFingerprint);
        var items = await query.PageAsync(page, key, cancellationToken);
        // Read once, of the last row: interpreting the key costs less than compiling it.
        return (items, page.NextToken(items, key.Compile(preferInterpretation: true), filterFingerprint));
    }
}
