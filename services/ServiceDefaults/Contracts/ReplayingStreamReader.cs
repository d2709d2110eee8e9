using Grpc.Core;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>
/// A request stream whose first message an interceptor has already read (to learn the mission, say): the handler reads
/// that message again first, then the rest.
/// </summary>
public sealed class ReplayingStreamReader<T>(T? first, IAsyncStreamReader<T> rest) : IAsyncStreamReader<T>
{
    private bool _replayed = first is null;

    public T Current { get; private set; } = default!;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!_replayed)
        {
            _replayed = true;
            Current = first!;
            return true;
        }

        if (!await rest.MoveNext(cancellationToken))
        {
            return false;
        }

        Current = rest.Current;
        return true;
    }
}
