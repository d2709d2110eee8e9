using Google.Protobuf.Reflection;
using Grpc.Core;
using MissionOps.Common.V1;

namespace MissionOps.Testing;

/// <summary>Reads a service's whole feed as a partner would, through its WatchEvents: what is there now, then leaves.</summary>
public static class FeedReader
{
    /// <summary>The feed's events after <paramref name="after"/>, heartbeats left out; the stream is left once it has been quiet for a moment.</summary>
    public static async Task<IReadOnlyList<ChangeEvent>> ReadAsync(CallInvoker invoker, ServiceDescriptor contract, string parent, long after = 0)
    {
        await using var feed = FeedFollower.Start(invoker, contract, parent, after);
        return await feed.StopAsync();
    }
}
