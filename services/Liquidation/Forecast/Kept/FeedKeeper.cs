using System.Threading.Channels;
using Grpc.Core;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Data;
using Npgsql;
using NpgsqlTypes;

namespace MissionOps.Liquidation.Forecast.Kept;

/// <summary>
/// Keeps the images a forecast reads from one service's feed, for every mission, from Liquidation's own cursor: each
/// event's resource as it became, an older event never over a newer one, so replicas may keep the same feed side by side.
/// Events are written in batches, one transaction with the cursor each, so catching up with a long feed is quick.
/// </summary>
public sealed class FeedKeeper(
    string service,
    KeptFeed feed,
    Func<long, IEnumerable<string>, CancellationToken, AsyncServerStreamingCall<ChangeEvent>> watch,
    IServiceScopeFactory scopes,
    KeptRecords records,
    DatabaseReadiness readiness,
    ILogger<FeedKeeper> logger) : Feeds.FeedFollower(readiness, logger)
{
    private const int BatchSize = 500;

    /// <summary>The feed's cursor, apart from the one Liquidation acts on the same feed with.</summary>
    public string Cursor => $"{service}.forecast";

    protected override string Followed => $"The {service} feed the forecast keeps";

    protected override async Task FollowAsync(CancellationToken stoppingToken)
    {
        var cursor = await ReadCursorAsync(stoppingToken);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var call = watch(cursor, feed.EventTypes, reading.Token);
        // The stream is read on its own while a batch is written, and each batch takes every event come in meanwhile.
        var received = Channel.CreateBounded<ChangeEvent>(BatchSize * 4);
        var reader = ReadAsync(call.ResponseStream, received.Writer, reading.Token);
        try
        {
            var batch = new List<ChangeEvent>(BatchSize);
            while (await received.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < BatchSize && received.Reader.TryRead(out var change))
                {
                    batch.Add(change);
                }

                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        finally
        {
            await reading.CancelAsync();
            await reader;
        }
    }

    private static async Task ReadAsync(IAsyncStreamReader<ChangeEvent> stream, ChannelWriter<ChangeEvent> received, CancellationToken ct)
    {
        try
        {
            await foreach (var change in stream.ReadAllAsync(ct))
            {
                // A heartbeat carries nothing to keep.
                if (change.Type.Length > 0)
                {
                    await received.WriteAsync(change, ct);
                }
            }

            received.TryComplete();
        }
        catch (Exception exception)
        {
            received.TryComplete(exception);
        }
    }

    private async Task<long> ReadCursorAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiquidationDbContext>();
        return await db.Set<ServiceDefaults.Events.FeedCursor>().Where(c => c.Feed == Cursor).Select(c => (long?)c.Sequence).SingleOrDefaultAsync(ct) ?? 0;
    }

    private async Task WriteAsync(IReadOnlyList<ChangeEvent> batch, CancellationToken ct)
    {
        // Within a batch, the last event of a resource is its image.
        var images = batch.Select(feed.Keep).OfType<KeptImage>().GroupBy(i => i.Name, StringComparer.Ordinal).Select(g => g.MaxBy(i => i.Sequence)!).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiquidationDbContext>();
        await TransientRetries.For(db).ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (var upsert = new NpgsqlCommand(
                """
                INSERT INTO kept_images (name, mission_id, type, image, sequence, change_time)
                SELECT * FROM unnest(@names, @missions, @types, @images, @sequences, @times)
                ON CONFLICT (name) DO UPDATE SET mission_id = excluded.mission_id, type = excluded.type, image = excluded.image,
                    sequence = excluded.sequence, change_time = excluded.change_time
                WHERE kept_images.sequence < excluded.sequence
                """, connection))
            {
                upsert.Parameters.AddWithValue("names", images.Select(i => i.Name).ToArray());
                upsert.Parameters.AddWithValue("missions", images.Select(i => i.MissionId).ToArray());
                upsert.Parameters.AddWithValue("types", images.Select(i => i.Type).ToArray());
                upsert.Parameters.Add(new NpgsqlParameter("images", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = images.Select(i => i.Image).ToArray() });
                upsert.Parameters.AddWithValue("sequences", images.Select(i => i.Sequence).ToArray());
                upsert.Parameters.AddWithValue("times", images.Select(i => i.ChangeTime).ToArray());
                await upsert.ExecuteNonQueryAsync(token);
            }

            await using (var moved = new NpgsqlCommand(
                """
                INSERT INTO feed_cursors (feed, sequence, update_time) VALUES (@feed, @sequence, now())
                ON CONFLICT (feed) DO UPDATE SET sequence = GREATEST(feed_cursors.sequence, excluded.sequence), update_time = excluded.update_time
                """, connection))
            {
                moved.Parameters.AddWithValue("feed", Cursor);
                moved.Parameters.AddWithValue("sequence", batch[^1].Sequence);
                await moved.ExecuteNonQueryAsync(token);
            }

            await transaction.CommitAsync(token);
        }, ct);
        foreach (var mission in images.Select(i => i.MissionId).Distinct(StringComparer.Ordinal))
        {
            records.Touch(mission);
        }
    }
}
