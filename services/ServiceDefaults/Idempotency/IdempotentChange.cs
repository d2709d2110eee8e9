using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using MissionOps.ServiceDefaults.Audit;
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
    /// The same, for a request that arrives as a stream and is hashed as it is read; <paramref name="resource"/>,
    /// the mission it changes, is audited when the answer names no resource and is what an <see cref="IChangeGate"/> is asked about.
    /// </summary>
    public static async Task<TResponse> RunAsync<TResponse>(
        DbContext db,
        Guid requestId,
        string method,
        byte[] requestHash,
        Func<CancellationToken, Task<TResponse>> change,
        CancellationToken cancellationToken,
        string? resource = null)
        where TResponse : IMessage<TResponse>, new()
    {
        var replay = await FindAsync<TResponse>(db, requestId, method, requestHash, cancellationToken);
        if (replay is not null)
        {
            return replay;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
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
                    RequestHash = requestHash,
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
            return await FindAsync<TResponse>(db, requestId, method, requestHash, cancellationToken)
                ?? throw new InvalidOperationException("An idempotency record vanished after a unique violation.", e);
        }
    }

    /// <summary>The resource a change answered with: its <c>name</c>, when it is a resource name.</summary>
    private static string? ResourceOf(IMessage response) =>
        response.Descriptor.FindFieldByName("name") is { FieldType: Google.Protobuf.Reflection.FieldType.String } field
        && field.Accessor.GetValue(response) is string name && name.StartsWith("missions/", StringComparison.Ordinal)
            ? name
            : null;

    private static async Task<TResponse?> FindAsync<TResponse>(
        DbContext db, Guid requestId, string method, byte[] requestHash, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new()
    {
        var record = await db.Set<IdempotencyRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.RequestId == requestId, cancellationToken);
        if (record is null)
        {
            return default;
        }

        if (record.Method != method || !record.RequestHash.AsSpan().SequenceEqual(requestHash))
        {
            throw new InvalidArgumentException("request_id",
                $"{requestId} was already used for a different request; use a new UUID for a new request");
        }

        var parsed = new TResponse();
        parsed.MergeFrom(record.Response);
        return parsed;
    }
}
