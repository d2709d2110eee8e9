using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.ServiceDefaults.Security;
using Npgsql;

namespace MissionOps.ServiceDefaults.Idempotency;

/// <summary>
/// Runs a change once per request id: the change and its answer are committed together, and a
/// retry with the same id gets the stored answer without changing anything again.
/// </summary>
public static class IdempotentChange
{
    public static Task<TResponse> RunAsync<TResponse>(
        DbContext db,
        Guid requestId,
        string method,
        IMessage request,
        Func<CancellationToken, Task<TResponse>> change,
        CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new() =>
        RunAsync(db, requestId, method, SHA256.HashData(request.ToByteArray()), change, cancellationToken,
            RequestMission.Find(request)?.MissionId is { } mission ? $"missions/{mission}" : null);

    /// <summary>
    /// The same, for a request known by its hash before the change; <paramref name="resource"/>, the mission it
    /// changes, is audited when the answer names no resource and is what an <see cref="IChangeGate"/> is asked about.
    /// </summary>
    public static Task<TResponse> RunAsync<TResponse>(
        DbContext db,
        Guid requestId,
        string method,
        byte[] requestHash,
        Func<CancellationToken, Task<TResponse>> change,
        CancellationToken cancellationToken,
        string? resource = null)
        where TResponse : IMessage<TResponse>, new() =>
        RunAsync(db, requestId, method, new HashedRequest(_ => Task.FromResult(requestHash), Replayable: true), change, cancellationToken, resource);

    /// <summary>
    /// The same, for a request that arrives as a stream the change reads as it goes: its hash is known once the
    /// stream has been read to its end, by the change or, for a retry of a stored request, without it.
    /// </summary>
    public static async Task<TResponse> RunAsync<TResponse>(
        DbContext db,
        Guid requestId,
        string method,
        HashedRequest request,
        Func<CancellationToken, Task<TResponse>> change,
        CancellationToken cancellationToken,
        string? resource = null)
        where TResponse : IMessage<TResponse>, new()
    {
        if (await FindAsync(db, requestId, cancellationToken) is { } stored)
        {
            return Replay<TResponse>(stored, method, await request.HashToEndAsync(cancellationToken));
        }

        var strategy = TransientRetries.For(db);
        var attempts = 0;
        try
        {
            return await strategy.ExecuteAsync(async ct =>
            {
                if (++attempts > 1 && !request.Replayable)
                {
                    // What a stream carried was read once; the caller sends it again with the same request id.
                    throw new DependencyUnavailableException("PostgreSQL");
                }

                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                // A retry sent while the first is still at work (on another replica, say) waits for it, then answers as it did.
                await TransactionLock.TakeAsync(db, $"missionops.request.{requestId}", ct);
                if (await FindAsync(db, requestId, ct) is { } earlier)
                {
                    return Replay<TResponse>(earlier, method, await request.HashToEndAsync(ct));
                }

                if (db is IChangeGate gate && resource?.Split('/') is ["missions", var mission, ..])
                {
                    await gate.EnsureOpenAsync(mission, method, ct);
                }

                var response = await change(ct);
                var changed = ResourceOf(response) ?? resource;
                if (changed is not null)
                {
                    AuditLog.Record(db, changed.Split('/')[1], requestId, changed, response, DateTimeOffset.UtcNow);
                }

                db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
                {
                    RequestId = requestId,
                    Method = method,
                    RequestHash = await request.HashToEndAsync(ct),
                    Response = response.ToByteArray(),
                    CreateTime = DateTimeOffset.UtcNow,
                });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return response;
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_idempotency_records" })
        {
            // The same request ran concurrently and won; answer as it did.
            db.ChangeTracker.Clear();
            var winner = await FindAsync(db, requestId, cancellationToken)
                ?? throw new InvalidOperationException("An idempotency record vanished after a unique violation.", e);
            return Replay<TResponse>(winner, method, await request.HashToEndAsync(cancellationToken));
        }
    }

    /// <summary>The resource a change answered with: its <c>name</c>, when it is a resource name.</summary>
    private static string? ResourceOf(IMessage response) =>
        response.Descriptor.FindFieldByName("name") is { FieldType: Google.Protobuf.Reflection.FieldType.String } field
        && field.Accessor.GetValue(response) is string name && name.StartsWith("missions/", StringComparison.Ordinal)
            ? name
            : null;

    private static Task<IdempotencyRecord?> FindAsync(DbContext db, Guid requestId, CancellationToken cancellationToken) =>
        db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.RequestId == requestId, cancellationToken);

    private static TResponse Replay<TResponse>(IdempotencyRecord record, string method, byte[] requestHash)
        where TResponse : IMessage<TResponse>, new()
    {
        if (record.Method != method || !record.RequestHash.AsSpan().SequenceEqual(requestHash))
        {
            throw new InvalidArgumentException("request_id",
                $"{record.RequestId} was already used for a different request; use a new UUID for a new request");
        }

        var parsed = new TResponse();
        parsed.MergeFrom(record.Response);
        return parsed;
    }
}

/// <summary>
/// What identifies a request to <see cref="IdempotentChange"/>: the hash of all of it, which
/// <paramref name="HashToEndAsync"/> gives once it has read whatever of the request is left unread.
/// A request that is not <paramref name="Replayable"/> (a stream) cannot be run a second time when the database fails.
/// </summary>
public sealed record HashedRequest(Func<CancellationToken, Task<byte[]>> HashToEndAsync, bool Replayable);
