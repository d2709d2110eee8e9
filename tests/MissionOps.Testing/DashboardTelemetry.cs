using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace MissionOps.Testing;

/// <summary>
/// What the Aspire dashboard has received, read through its telemetry API (<c>/api/telemetry/...</c>, with the API
/// key the AppHost was given).
/// </summary>
public sealed class DashboardTelemetry(Uri dashboard, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = dashboard, DefaultRequestHeaders = { { "x-api-key", apiKey } } };

    /// <summary>
    /// The latest structured log entries of every resource, newest last, at <paramref name="severity"/> or worse. Read by
    /// time rather than counted: the dashboard keeps a bounded number per resource, so its totals stop growing.
    /// </summary>
    public async Task<IReadOnlyList<LogEntry>> LatestLogsAsync(int limit, string severity = "Trace")
    {
        var answer = await _http.GetFromJsonAsync<JsonElement>(
            string.Create(CultureInfo.InvariantCulture, $"api/telemetry/logs?limit={limit}&severity={severity}"));
        var entries = new List<LogEntry>();
        foreach (var resource in answer.GetProperty("data").GetProperty("resourceLogs").EnumerateArray())
        {
            var name = ServiceName(resource);
            foreach (var scope in resource.GetProperty("scopeLogs").EnumerateArray())
            {
                var category = scope.TryGetProperty("scope", out var s) && s.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
                foreach (var record in scope.GetProperty("logRecords").EnumerateArray())
                {
                    var body = record.TryGetProperty("body", out var b) && b.TryGetProperty("stringValue", out var v) ? v.GetString() ?? string.Empty : string.Empty;
                    var nanoseconds = long.Parse(record.GetProperty("timeUnixNano").GetString()!, CultureInfo.InvariantCulture);
                    entries.Add(new LogEntry(name, record.GetProperty("severityText").GetString() ?? string.Empty, category, body,
                        DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100)));
                }
            }
        }

        return entries.OrderBy(e => e.Time).ToList();
    }

    /// <summary>The spans of one trace the dashboard holds, each with the service that sent it.</summary>
    public async Task<IReadOnlyList<TraceSpan>> TraceAsync(string traceId)
    {
        using var response = await _http.GetAsync($"api/telemetry/traces/{traceId}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var spans = new List<TraceSpan>();
        foreach (var resource in answer.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = ServiceName(resource);
            var instance = Attribute(resource, "service.instance.id");
            foreach (var scope in resource.GetProperty("scopeSpans").EnumerateArray())
            {
                foreach (var span in scope.GetProperty("spans").EnumerateArray())
                {
                    var links = span.TryGetProperty("links", out var l) ? l.EnumerateArray().Select(k => k.GetProperty("spanId").GetString() ?? string.Empty).ToList() : [];
                    spans.Add(new TraceSpan(service, span.GetProperty("name").GetString() ?? string.Empty, span.GetProperty("spanId").GetString() ?? string.Empty,
                        span.TryGetProperty("parentSpanId", out var p) ? p.GetString() ?? string.Empty : string.Empty, links, instance));
                }
            }
        }

        return spans;
    }

    private static string ServiceName(JsonElement resource) => Attribute(resource, "service.name");

    private static string Attribute(JsonElement resource, string key) =>
        resource.GetProperty("resource").GetProperty("attributes").EnumerateArray()
            .Where(a => a.GetProperty("key").GetString() == key)
            .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString())
            .FirstOrDefault() ?? "?";

    public void Dispose() => _http.Dispose();
}

/// <summary>A span as the dashboard's API gives it: ids as it writes them (hex), the ids of the spans it links to.</summary>
/// <summary>A span, with the service that sent it and which copy of the service that was (<c>service.instance.id</c>).</summary>
public sealed record TraceSpan(string Service, string Name, string SpanId, string ParentSpanId, IReadOnlyList<string> Links, string Instance);

public sealed record LogEntry(string Resource, string Severity, string Category, string Message, DateTimeOffset Time)
{
    public override string ToString() => $"{Time:HH:mm:ss} {Severity}: {FirstLine}";

    private string FirstLine => Message.Split('\n')[0] is var line && line.Length > 160 ? line[..160] + "..." : line;
}
