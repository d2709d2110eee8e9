using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace MissionOps.ServiceDefaults.Data;

/// <summary>
/// Where a transient PostgreSQL failure (a restart, a dropped connection) is retried: around a whole change, its
/// transaction run again from the start, and around migrations at start-up. Not around reads: EF Core buffers every
/// query of a context whose strategy retries, which cost a point read a seventh of its work, and a read that fails is
/// answered UNAVAILABLE with RetryInfo for its caller to send again (<see cref="Errors.RpcErrors"/>).
/// </summary>
public static class TransientRetries
{
    public static IExecutionStrategy For(DbContext db) => new NpgsqlRetryingExecutionStrategy(db);

    /// <summary>
    /// A failure PostgreSQL or the way to it says may pass, so that the same work again may succeed: found in the chain
    /// of causes, as EF Core wraps it (without a retrying strategy, in an InvalidOperationException that says so).
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is NpgsqlException { IsTransient: true } or RetryLimitExceededException)
            {
                return true;
            }
        }

        return false;
    }
}
