using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace MissionOps.Client;

/// <summary>Every List of the contract as one sequence: the pages are asked for one after another as they are read.</summary>
public static class Pages
{
    /// <summary>
    /// The items of every page of <paramref name="list"/> from <paramref name="request"/> on, following <c>next_page_token</c>
    /// to the last page: <c>Pages.All(new ListSitesRequest { Parent = "missions/minusma" }, sites.ListSitesAsync, page =&gt; page.Sites)</c>.
    /// </summary>
    public static async IAsyncEnumerable<TItem> All<TRequest, TResponse, TItem>(TRequest request,
        Func<TRequest, Metadata?, DateTime?, CancellationToken, AsyncUnaryCall<TResponse>> list,
        Func<TResponse, IEnumerable<TItem>> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new()
    {
        var pageToken = Field<TRequest>("page_token");
        var nextPageToken = Field<TResponse>("next_page_token");
        var page = request.Clone();
        while (true)
        {
            var answer = await list(page, null, null, cancellationToken).ResponseAsync;
            foreach (var item in items(answer))
            {
                yield return item;
            }

            var next = (string)nextPageToken.Accessor.GetValue(answer);
            if (string.IsNullOrEmpty(next))
            {
                yield break;
            }

            pageToken.Accessor.SetValue(page, next);
        }
    }

    private static FieldDescriptor Field<T>(string name)
        where T : IMessage<T>, new() =>
        new T().Descriptor.FindFieldByName(name) ?? throw new ArgumentException($"{new T().Descriptor.FullName} has no {name}: it is not part of a List.");
}
