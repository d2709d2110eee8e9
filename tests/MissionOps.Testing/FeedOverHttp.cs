using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Contracts;
using Xunit;

namespace MissionOps.Testing;

/// <summary>
/// A service's feed followed over plain HTTP/1.1, as a browser or a script without gRPC follows it: the transcoded
/// WatchEvents (<c>GET /v1/missions/{m}/events</c>, JSON objects as they come) and <c>events:stream</c> (Server-Sent
/// Events, resumed by Last-Event-ID), each checked against the feed gRPC serves.
/// </summary>
public static class FeedOverHttp
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(ContractTypes.Registry).WithIgnoreUnknownFields(true));

    /// <summary>
    /// Both HTTP forms of the feed of <paramref name="mission"/> (<c>minusma</c>) hold <paramref name="feed"/> (what gRPC's
    /// WatchEvents serves, at least three events) in its order; the SSE follower leaves after two and resumes with no gap and no duplicate.
    /// </summary>
    public static async Task CheckAsync(HttpClient http, string mission, IReadOnlyList<ChangeEvent> feed)
    {
        Assert.True(feed.Count >= 3, $"The feed holds {feed.Count} events; arrange at least three.");
        var expected = feed.Select(e => (e.Sequence, e.Type, e.Resource)).ToList();

        var transcoded = await ReadTranscodedAsync(http, $"/v1/missions/{mission}/events", feed.Count);
        Assert.Equal(expected, transcoded.Select(e => (e.Sequence, e.Type, e.Resource)));
        Assert.Equal(feed[^1].Payload, transcoded[^1].Payload);

        var stream = $"/v1/missions/{mission}/events:stream";
        var before = await ServerSentEvents.ReadAsync(http, stream, count: 2);
        var after = await ServerSentEvents.ReadAsync(http, stream, count: feed.Count - 2, lastEventId: before[^1].Id);
        var resumed = before.Concat(after).ToList();
        Assert.Equal(expected.Select(e => e.Sequence.ToString(CultureInfo.InvariantCulture)), resumed.Select(e => e.Id));
        Assert.Equal(expected.Select(e => e.Type), resumed.Select(e => e.Type));
        Assert.Equal(feed[^1], Parser.Parse<ChangeEvent>(resumed[^1].Data));
    }

    /// <summary>The first <paramref name="count"/> events (heartbeats left out) of a transcoded server stream: JSON objects one after another.</summary>
    public static async Task<List<ChangeEvent>> ReadTranscodedAsync(HttpClient http, string path, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var events = new List<ChangeEvent>();
        var pending = new List<byte>();
        var buffer = new byte[8192];
        while (events.Count < count)
        {
            var read = await body.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, $"GET {path} ended after {events.Count} of {count} events.");
            pending.AddRange(buffer.AsSpan(0, read));
            while (events.Count < count && TakeObject(pending) is { } json)
            {
                var change = Parser.Parse<ChangeEvent>(json);
                if (change.Sequence != 0)
                {
                    events.Add(change);
                }
            }
        }

        return events;
    }

    /// <summary>The first whole JSON value in <paramref name="pending"/>, removed from it; null until one has arrived whole.</summary>
    private static string? TakeObject(List<byte> pending)
    {
        var bytes = pending.ToArray();
        var start = Array.FindIndex(bytes, b => b == (byte)'{');
        if (start < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(bytes.AsSpan(start), isFinalBlock: false, state: default);
        if (!reader.Read() || !reader.TrySkip())
        {
            return null;
        }

        var end = start + (int)reader.BytesConsumed;
        pending.RemoveRange(0, end);
        return Encoding.UTF8.GetString(bytes, start, end - start);
    }
}
