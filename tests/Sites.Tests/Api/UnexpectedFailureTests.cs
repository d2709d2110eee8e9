using System.Diagnostics;
using Grpc.Core;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using Npgsql;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>
/// A failure the service did not expect (here a table gone from under it) is INTERNAL with the trace
/// id to quote, and tells the caller nothing of the database: no SQL state, exception or table.
/// </summary>
public sealed class UnexpectedFailureTests(SitesApp app) : SitesApiTest(app)
{
    private static readonly string[] Internals = ["42P01", "Npgsql", "PostgresException", "Exception", "relation", "missions", "outbox_events", "   at "];

    private async Task WithTableGoneAsync(string table, Func<Task> call)
    {
        await using var connection = new NpgsqlConnection(App.Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using (var rename = new NpgsqlCommand($"ALTER TABLE {table} RENAME TO {table}_away", connection))
        {
            await rename.ExecuteNonQueryAsync();
        }

        try
        {
            await call();
        }
        finally
        {
            await using var back = new NpgsqlCommand($"ALTER TABLE {table}_away RENAME TO {table}", connection);
            await back.ExecuteNonQueryAsync();
        }
    }

    private static void AssertNothingLeaks(RpcException failure)
    {
        var told = failure.Status.Detail + string.Join(' ', failure.Trailers.Select(t => t.IsBinary ? string.Empty : t.Value));
        Assert.All(Internals, word => Assert.DoesNotContain(word, told, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_that_fails_unexpectedly_is_INTERNAL_with_the_callers_trace_id_and_no_internals()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var caller = new Activity("list sites under test").SetIdFormat(ActivityIdFormat.W3C).Start();
        RpcException? failure = null;
        try
        {
            await WithTableGoneAsync("missions", async () =>
            {
                (var traceId, failure) = await RpcAssert.Internal(() => Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma }).ResponseAsync);
                Assert.Equal(caller.TraceId.ToHexString(), traceId);
            });
        }
        finally
        {
            caller.Stop();
        }

        AssertNothingLeaks(failure!);
        Assert.Single((await Client.ListMissionsAsync(new ListMissionsRequest())).Missions);
    }

    [Fact]
    public async Task A_stream_that_fails_unexpectedly_is_INTERNAL_too()
    {
        await CreateMissionWithMoptiAndPhase2Async();

        await WithTableGoneAsync("outbox_events", async () =>
        {
            using var call = Client.WatchEvents(new WatchEventsRequest { Parent = Minusma });
            var (_, failure) = await RpcAssert.Internal(() => call.ResponseStream.MoveNext(CancellationToken.None));
            AssertNothingLeaks(failure);
        });
    }
}
