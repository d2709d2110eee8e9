using Xunit;
using System.Net.Http.Headers;

namespace MissionOps.Testing;

/// <summary>One Server-Sent Event as a plain HTTP client reads it.</summary>
public sealed record ServerSentEvent(string? Id, string? Type, string Data);

/// <summary>Reads a service's <c>events:stream</c> as any SSE client would: line by line, over HTTP/1.1.</summary>
public static class ServerSentEvents
{
    /// <summary>Exactly <paramref name="count"/> events (comments skipped), then leaves, as a follower whose connection breaks would.</summary>
    public static async Task<List<ServerSentEvent>> ReadAsync(HttpClient http, string path, int count, string? lastEventId = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<ServerSentEvent>();
        string? id = null, type = null;
        var data = new List<string>();
        while (events.Count < count && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    events.Add(new ServerSentEvent(id, type, string.Join('\n', data)));
                }

                (id, type) = (null, null);
                data.Clear();
            }
            else if (!line.StartsWith(':'))
            {
                var (field, value) = line.IndexOf(':') is var colon and >= 0 ? (line[..colon], line[(colon + 1)..].TrimStart(' ')) : (line, "");
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": type = value; break;
                    case "data": data.Add(value); break;
                }
            }
        }

        return events;
    }
}
