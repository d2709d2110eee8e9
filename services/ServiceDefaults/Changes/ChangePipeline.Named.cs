using Google.Protobuf;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Data;

namespace MissionOps.ServiceDefaults.Changes;

public sealed partial class ChangePipeline<TDb>
{
    /// <summary>
    /// A change of the resource with this key (a delete, an undelete, a correction): found, a deleted one too, since its
    /// domain refuses what may not be done to it, or NOT_FOUND; then changed.
    /// </summary>
    public Task<TResponse> ChangeFoundAsync<TAggregate, TResponse>(IMessage request, IReadOnlyList<string> key, string name,
        Action<TAggregate> change, CancellationToken cancellationToken)
        where TAggregate : class, IAggregate
        where TResponse : IMessage<TResponse>, new() =>
        RunAsync<TResponse>(request, async ct =>
        {
            var found = await db.FindAnyAsync<TAggregate>(key, name, ct);
            change(found);
            return found;
        }, cancellationToken);

    /// <summary>
    /// What an update (AIP-134) would make of the resource with this key: the masked fields of <paramref name="input"/>
    /// laid over the resource as it is (a deleted one too), to be checked whole as on create.
    /// </summary>
    public async Task<TResponse> MergedAsync<TAggregate, TResponse>(IReadOnlyList<string> key, string name, TResponse input,
        IReadOnlyList<string> paths, CancellationToken cancellationToken)
        where TAggregate : class, IAggregate
        where TResponse : IMessage<TResponse>, new() =>
        RequestValidator.Merged((TResponse)contracts.ImageOf(await db.FindAnyAsync<TAggregate>(key, name, cancellationToken)), input, paths);
}
