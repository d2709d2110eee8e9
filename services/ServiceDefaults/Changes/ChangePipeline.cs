using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Logging;
using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.ServiceDefaults.Events;
using MissionOps.ServiceDefaults.Idempotency;

namespace MissionOps.ServiceDefaults.Changes;

/// <summary>
/// The one way a service changes anything. Around the endpoint's change it owns the transaction,
/// the request id (a retry answers as the first call did), the change gate, the etag of the
/// resource the request names (checked as the change loads it), the before and after images,
/// the audit entry, and the events every aggregate raised, written to the outbox in the same
/// transaction. A change that raises no event is a defect and fails: a partner mirroring the
/// feed would miss it.
/// </summary>
public sealed partial class ChangePipeline<TDb>(TDb db, ChangeContracts contracts, TimeProvider clock, ILogger<ChangePipeline<TDb>>? logger = null)
    where TDb : DbContext
{
    private TargetWatch? _target;

    public ChangeContracts Contracts => contracts;

    /// <summary>
    /// Takes the before image of the resource the request names again, once the change has given it what the
    /// database derives rather than stores (a person's site today, a unit's strength): taken as it loads, the
    /// image would show those empty, as if the change had set them.
    /// </summary>
    public void RefreshBefore(IAggregate aggregate)
    {
        if (_target?.Names(aggregate) == true)
        {
            AuditScope.RecordBefore(contracts.ImageOf(aggregate));
        }
    }

    /// <summary>A change whose answer is the aggregate it returns, as the contract shows it once saved.</summary>
    public Task<TResponse> RunAsync<TResponse>(IMessage request, Func<CancellationToken, Task<IAggregate>> change, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new() =>
        RunAsync<TResponse>(request, async ct =>
        {
            var aggregate = await change(ct);
            return () => (TResponse)contracts.ImageOf(aggregate);
        }, cancellationToken);

    /// <summary>A change whose answer is built once it is saved (etags and sequences are the database's).</summary>
    public async Task<TResponse> RunAsync<TResponse>(IMessage request, Func<CancellationToken, Task<Func<TResponse>>> change, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new()
    {
        var about = ChangeRequest.Of(request);
        var raisers = new HashSet<IAggregate>(ReferenceEqualityComparer.Instance);
        var response = await IdempotentChange.RunAsync(db, about.RequestId, about.Method, request, async ct =>
        {
            var target = _target = new TargetWatch(about, contracts);
            db.ChangeTracker.Tracked += target.OnTracked;
            Func<TResponse> answer;
            try
            {
                answer = await change(ct);
            }
            finally
            {
                db.ChangeTracker.Tracked -= target.OnTracked;
                _target = null;
            }

            target.EnsureEtagWasChecked();
            var raised = Raised(db.ChangeTracker.Entries().Select(e => e.Entity).OfType<IAggregate>());
            raisers.UnionWith(raised.Select(r => r.Aggregate));
            if (raised.Count == 0)
            {
                throw new InvalidOperationException($"{about.Method} changed nothing that raised an event.");
            }

            await db.SaveChangesAsync(ct);
            await RecordAsync(raised, ct);
            return answer();
        }, cancellationToken);
        Clear(raisers);
        return response;
    }

    private static List<(IAggregate Aggregate, Enum Happened)> Raised(IEnumerable<IAggregate> aggregates) =>
        aggregates.SelectMany(a => a.Raised().Select(happened => (Aggregate: a, Happened: happened))).ToList();

    /// <summary>Adds what the aggregates raised to the outbox, as the typed events of the contract, in the order raised.</summary>
    private async Task RecordAsync(IEnumerable<(IAggregate Aggregate, Enum Happened)> raised, CancellationToken ct)
    {
        var now = clock.GetStorableUtcNow();
        foreach (var (aggregate, happened) in raised)
        {
            var message = contracts.EventOf(aggregate, happened);
            await EventLog.RecordAsync(db, aggregate.MissionId, message.Descriptor.FullName, aggregate.Name, message, now, ct);
        }
    }

    /// <summary>Once committed, the aggregates forget their events; a retry of the transaction raises them again as it reruns.</summary>
    private static void Clear(IEnumerable<IAggregate> aggregates)
    {
        foreach (var aggregate in aggregates)
        {
            aggregate.ClearRaised();
        }
    }

    /// <summary>Checks the etag of the resource the request names when the change loads it, and keeps its image from before.</summary>
    private sealed class TargetWatch(ChangeRequest about, ChangeContracts contracts)
    {
        private bool _loaded;

        public bool Names(IAggregate aggregate) => aggregate.Name == about.Target;

        public void OnTracked(object? sender, EntityTrackedEventArgs e)
        {
            if (!e.FromQuery || e.Entry.Entity is not IAggregate aggregate || !Names(aggregate))
            {
                return;
            }

            _loaded = true;
            (aggregate as IHasEtag)?.EnsureEtag(about.Etag);
            AuditScope.RecordBefore(contracts.ImageOf(aggregate));
        }

        /// <summary>An etag sent for a resource the change never loaded would be ignored without a word: a defect, not the caller's fault.</summary>
        public void EnsureEtagWasChecked()
        {
            if (!string.IsNullOrEmpty(about.Etag) && !_loaded)
            {
                throw new InvalidOperationException($"{about.Method} was sent the etag of {about.Target} but never loaded it to check it.");
            }
        }
    }
}
