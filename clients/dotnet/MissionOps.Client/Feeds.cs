using System.Runtime.CompilerServices;
using Grpc.Core;
using MissionOps.Common.V1;

namespace MissionOps.Client;

/// <summary>A service's event feed (WatchEvents) as one endless sequence that survives disconnections.</summary>
public static class Feeds
{
    /// <summary>
    /// The events after <paramref name="afterSequence"/>, live: when the stream breaks (the service restarts, the network
    /// drops) it is opened again after the last event given, so nothing is missed and nothing is seen twice. Heartbeats
    /// are not given. A refusal (a bad filter, a missing role) is a <see cref="MissionOpsException"/>. Keep the last sequence you handled to start from it next time:
    /// <c>Feeds.Follow((after, ct) =&gt; sites.WatchEvents(new WatchEventsRequest { Parent = "missions/-", AfterSequence = after }, cancellationToken: ct), 0)</c>.
    /// </summary>
    public static async IAsyncEnumerable<ChangeEvent> Follow(Func<long, CancellationToken, AsyncServerStreamingCall<ChangeEvent>> watch,
        long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default, TimeSpan? reconnectDelay = null)
    {
        var delay = reconnectDelay ?? TimeSpan.FromSeconds(1);
        var after = afterSequence;
        while (!cancellationToken.IsCancellationRequested)
        {
            using var call = watch(after, cancellationToken);
            var reader = call.ResponseStream;
            while (true)
            {
                ChangeEvent change;
                try
                {
                    if (!await reader.MoveNext(cancellationToken))
                    {
                        break;
                    }

                    change = reader.Current;
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown
                    && !cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
                {
                    throw MissionOpsException.From(e);
                }

                after = Math.Max(after, change.Sequence);
                if (!string.IsNullOrEmpty(change.Type))
                {
                    yield return change;
                }
            }

            await Task.Delay(delay, cancellationToken);
        }
    }
}
