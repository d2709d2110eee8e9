using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using System.Reflection;
using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Changes;

public sealed partial class ChangePipeline<TDb>
{
    /// <summary>
    /// A create (AIP-133) of an aggregate made from the request alone: added, unless an aggregate of its type
    /// already has its key, which is answered ALREADY_EXISTS.
    /// </summary>
    public Task<TResponse> CreateAsync<TResponse>(IMessage request, IAggregate created, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new() =>
        RunAsync<TResponse>(request, ct => AddUnlessTakenAsync(created.GetType(), KeyOf(created), _ => Task.FromResult(created), ct), cancellationToken);

    /// <summary>
    /// A create whose aggregate is made in the change, once no <typeparamref name="TAggregate"/> has the
    /// <paramref name="key"/> (else ALREADY_EXISTS): from what the change loads, or after checking what else must be unique.
    /// </summary>
    public Task<TResponse> CreateAsync<TResponse, TAggregate>(IMessage request, object[] key, Func<CancellationToken, Task<TAggregate>> create,
        CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new()
        where TAggregate : class, IAggregate =>
        RunAsync<TResponse>(request, ct => AddUnlessTakenAsync(typeof(TAggregate), key, async c => await create(c), ct), cancellationToken);

    private async Task<IAggregate> AddUnlessTakenAsync(Type type, object?[] key, Func<CancellationToken, Task<IAggregate>> create, CancellationToken ct)
    {
        // The one that has the key names itself: a create may not know its own name before it is made.
        if (await db.FindAsync(type, key, ct) is IAggregate taken)
        {
            throw new AlreadyExistsException($"missionops.un.org/{type.Name}", taken.Name);
        }

        // A deleted resource keeps its id (AIP-164): hidden from Find, it would be refused by the database as a race.
        if (typeof(ISoftDeletable).IsAssignableFrom(type) && await DeletedWithKeyAsync(type, key, ct) is { } deleted)
        {
            throw new AlreadyExistsException($"missionops.un.org/{type.Name}", deleted.Name, message:
                $"{deleted.Name} was deleted and keeps its id; undelete it with Undelete{type.Name} rather than create it again, or choose another id.");
        }

        var created = await create(ct);
        db.Add(created);
        return created;
    }

    private Task<ISoftDeletable?> DeletedWithKeyAsync(Type type, object?[] key, CancellationToken ct) =>
        (Task<ISoftDeletable?>)typeof(ChangePipeline<TDb>).GetMethod(nameof(DeletedWithKeyOfAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(type).Invoke(this, [key.Select(k => (string)k!).ToList(), ct])!;

    private async Task<ISoftDeletable?> DeletedWithKeyOfAsync<T>(IReadOnlyList<string> key, CancellationToken ct) where T : class, ISoftDeletable =>
        await db.WithKey<T>(key).SingleOrDefaultAsync(ct);

    private object?[] KeyOf(IAggregate aggregate)
    {
        var entry = db.Entry(aggregate);
        return entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p).CurrentValue).ToArray();
    }
}
