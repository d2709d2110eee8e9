using Google.Protobuf;
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
        var method = contract.FindMethodByName("WatchEvents");
        var request = (IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
        method.InputType.FindFieldByName("parent").Accessor.SetValue(request, parent);
        method.InputType.FindFieldByName("after_sequence").Accessor.SetValue(request, after);
        var call = new Method<IMessage, ChangeEvent>(MethodType.ServerStreaming, contract.FullName, method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), _ => throw new NotSupportedException()),
            Marshallers.Create(e => e.ToByteArray(), ChangeEvent.Parser.ParseFrom));
        var events = new List<ChangeEvent>();
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            using var stream = invoker.AsyncServerStreamingCall(call, null, new CallOptions(cancellationToken: quiet.Token), request);
            while (await stream.ResponseStream.MoveNext(quiet.Token))
            {
                if (stream.ResponseStream.Current.Type.Length > 0)
                {
                    events.Add(stream.ResponseStream.Current);
                    quiet.CancelAfter(TimeSpan.FromMilliseconds(500));
                }
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
        }
        catch (OperationCanceledException)
        {
        }

        return events;
    }
}
