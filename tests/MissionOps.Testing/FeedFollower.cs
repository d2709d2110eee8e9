using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using MissionOps.Common.V1;

namespace MissionOps.Testing;

/// <summary>
/// Follows a service's feed live, as a partner does: its WatchEvents stream from a cursor, read in the
/// background while the caller changes things, keeping every event but the heartbeats (whose type is
/// empty), until the caller stops it once the feed has gone quiet.
/// </summary>
public sealed class FeedFollower : IAsyncDisposable
{
    /// <summary>How long the feed must have said nothing before <see cref="StopAsync"/> leaves it.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    private readonly List<ChangeEvent> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private long _lastHeard = Stopwatch.GetTimestamp();

    private FeedFollower(CallInvoker invoker, ServiceDescriptor contract, string parent, long after) =>
        _reading = ReadAsync(invoker, contract, parent, after);

    /// <summary>Opens the feed of <paramref name="parent"/> (a mission, or <c>missions/-</c>) after <paramref name="after"/> and reads it until stopped.</summary>
    public static FeedFollower Start(CallInvoker invoker, ServiceDescriptor contract, string parent, long after = 0) =>
        new(invoker, contract, parent, after);

    /// <summary>
    /// Waits until the feed has said nothing for <paramref name="quiet"/> (<see cref="Quiet"/> by default), counted from
    /// this call or from its last event, whichever came later, then leaves it: the events seen, in order.
    /// A stream that failed on its own (not by this stop) throws its error here.
    /// </summary>
    public async Task<IReadOnlyList<ChangeEvent>> StopAsync(TimeSpan? quiet = null)
    {
        var window = quiet ?? Quiet;
        var asked = Stopwatch.GetTimestamp();
        while (!_reading.IsCompleted)
        {
            var silent = Stopwatch.GetElapsedTime(Math.Max(asked, Interlocked.Read(ref _lastHeard)));
            if (silent >= window)
            {
                break;
            }

            await Task.WhenAny(_reading, Task.Delay(window - silent));
        }

        await _stop.CancelAsync();
        await _reading;
        return _events;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (RpcException)
        {
            // Left without being stopped: what went wrong is for StopAsync to say, not for the clean-up.
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(CallInvoker invoker, ServiceDescriptor contract, string parent, long after)
    {
        // Off the caller's thread at once: the caller goes on changing things while the stream is read.
        await Task.Yield();
        var method = contract.FindMethodByName("WatchEvents");
        var request = (IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
        method.InputType.FindFieldByName("parent").Accessor.SetValue(request, parent);
        method.InputType.FindFieldByName("after_sequence").Accessor.SetValue(request, after);
        var call = new Method<IMessage, ChangeEvent>(MethodType.ServerStreaming, contract.FullName, method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), _ => throw new NotSupportedException()),
            Marshallers.Create(e => e.ToByteArray(), ChangeEvent.Parser.ParseFrom));
        try
        {
            using var stream = invoker.AsyncServerStreamingCall(call, null, new CallOptions(cancellationToken: _stop.Token), request);
            while (await stream.ResponseStream.MoveNext(_stop.Token))
            {
                if (stream.ResponseStream.Current.Type.Length > 0)
                {
                    _events.Add(stream.ResponseStream.Current);
                    Interlocked.Exchange(ref _lastHeard, Stopwatch.GetTimestamp());
                }
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && _stop.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }
}
