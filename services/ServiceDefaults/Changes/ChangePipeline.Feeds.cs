using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Clients;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.ServiceDefaults.Events;
using MissionOps.ServiceDefaults.Idempotency;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.ServiceDefaults.Changes;

/// <summary>
/// The entry for a change a service makes on another service's word, an event of that service's feed.
/// Its idempotency is the feed's cursor, not a request id: an event at or below it was handled already.
/// The cursor, the change, its events and its audit entries commit together; each entry is under the
/// following service's own identity, with the event as its method and request id.
/// </summary>
public sealed partial class ChangePipeline<TDb>
{
    /// <summary>The sequence of the last event of <paramref name="feed"/> handled; 0 before the first.</summary>
    public async Task<long> FeedCursorAsync(string feed, CancellationToken ct) =>
        await db.Set<FeedCursor>().Where(c => c.Feed == feed).Select(c => (long?)c.Sequence).SingleOrDefaultAsync(ct) ?? 0;

    /// <summary>
    /// Handles <paramref name="received"/> once: <paramref name="change"/> loads or creates aggregates, calls their
    /// methods and answers the ones it changed, each audited. A change may raise nothing (nothing of the mission's
    /// was concerned); the cursor still moves past the event. An event for a mission closed to change (the service's
    /// <see cref="IChangeGate"/>) is passed over the same way, as it cannot be refused to a feed.
    /// </summary>
    /// <returns>Whether the change ran: false for an event already handled or passed over.</returns>
    public async Task<bool> RunFeedAsync(string follower, string feed, ChangeEvent received,
        Func<CancellationToken, Task<IReadOnlyCollection<IAggregate>>> change, CancellationToken cancellationToken)
    {
        var method = $"{feed}#{received.Sequence} {received.Type}";
        var raisers = new HashSet<IAggregate>(ReferenceEqualityComparer.Instance);
        var strategy = TransientRetries.For(db);
        var ran = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Replicas of a service all follow the feed: one handles an event, the others then find the cursor past it.
            await TransactionLock.TakeAsync(db, $"missionops.feed.{feed}", ct);
            var cursor = await db.Set<FeedCursor>().SingleOrDefaultAsync(c => c.Feed == feed, ct);
            if (cursor?.Sequence >= received.Sequence)
            {
                return false;
            }

            var open = await IsOpenAsync(received, method, ct);
            if (open)
            {
                var audited = await SaveRaisedAsync(method, change, raisers, ct);
                // No caller sent a request id: the event stands for one, the same whichever replica or attempt handles it.
                Audit(follower, new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"{feed}#{received.Sequence}"))), method, audited);
            }

            if (cursor is null)
            {
                db.Set<FeedCursor>().Add(cursor = new FeedCursor { Feed = feed });
            }

            cursor.Sequence = received.Sequence;
            cursor.UpdateTime = clock.GetStorableUtcNow();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return open;
        }, cancellationToken);
        Clear(raisers);
        return ran;
    }

    private async Task<bool> IsOpenAsync(ChangeEvent received, string method, CancellationToken ct)
    {
        if (db is not IChangeGate gate || received.Resource.Split('/') is not ["missions", var mission, ..])
        {
            return true;
        }

        try
        {
            await gate.EnsureOpenAsync(mission, method, ct);
            return true;
        }
        catch (RuleViolationException closed)
        {
            logger?.LogInformation("{Event} of {Resource} passed over: {Reason}", method, received.Resource, closed.Message);
            return false;
        }
    }

    /// <summary>Runs the change, saves it and writes what its aggregates raised to the outbox; answers the aggregates to audit.</summary>
    private async Task<IReadOnlyCollection<IAggregate>> SaveRaisedAsync(string method, Func<CancellationToken, Task<IReadOnlyCollection<IAggregate>>> change,
        HashSet<IAggregate> raisers, CancellationToken ct)
    {
        var audited = await change(ct);
        var raised = Raised(db.ChangeTracker.Entries().Select(e => e.Entity).OfType<IAggregate>());
        raisers.UnionWith(raised.Select(r => r.Aggregate));
        EnsureAuditedChanged(method, audited, raised);
        await db.SaveChangesAsync(ct);
        await RecordAsync(raised, ct);
        return audited;
    }

    /// <summary>Every audited aggregate raised what it went through, and a change that raised anything audits something.</summary>
    private static void EnsureAuditedChanged(string method, IReadOnlyCollection<IAggregate> audited, List<(IAggregate Aggregate, Enum Happened)> raised)
    {
        if (audited.FirstOrDefault(a => a.Raised().Count == 0) is { } unchanged)
        {
            throw new InvalidOperationException($"{method} answered {unchanged.Name} as changed, but it raised no event.");
        }

        if (raised.Count > 0 && audited.Count == 0)
        {
            throw new InvalidOperationException($"{method} raised events but answered no changed resource to audit.");
        }
    }

    /// <summary>
    /// A change a service makes on its own finding (a forecast crossing a deadline), not on a request nor on another's
    /// event: under a lock named by <paramref name="subject"/>, so replicas making the same finding make the change once
    /// (the second finds it made and changes nothing). Its events and audit entries commit with it, each entry under
    /// the service's own identity with <paramref name="method"/>.
    /// </summary>
    /// <returns>How many aggregates it changed.</returns>
    public async Task<int> RunFindingAsync(string service, string method, string subject,
        Func<CancellationToken, Task<IReadOnlyCollection<IAggregate>>> change, CancellationToken cancellationToken)
    {
        var raisers = new HashSet<IAggregate>(ReferenceEqualityComparer.Instance);
        var changed = await TransientRetries.For(db).ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await TransactionLock.TakeAsync(db, $"missionops.finding.{subject}", ct);
            var audited = await SaveRaisedAsync(method, change, raisers, ct);
            Audit(service, Guid.CreateVersion7(), method, audited);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return audited.Count;
        }, cancellationToken);
        Clear(raisers);
        return changed;
    }

    private void Audit(string follower, Guid requestId, string method, IReadOnlyCollection<IAggregate> audited)
    {
        var caller = AuditScope.Current;
        AuditScope.Current = new AuditActor(TokenIssuer.SubjectOf(follower), [$"{MissionRoles.AnyMission}:{MissionRoles.Service}"], null, method);
        try
        {
            var now = clock.GetStorableUtcNow();
            foreach (var aggregate in audited)
            {
                AuditLog.Record(db, aggregate.MissionId, requestId, aggregate.Name, contracts.ImageOf(aggregate), now);
            }
        }
        finally
        {
            AuditScope.Current = caller;
        }
    }
}
