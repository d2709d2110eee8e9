using System.Diagnostics;

namespace MissionOps.ServiceDefaults.Telemetry;

/// <summary>
/// Spans for what a service does on its own rather than for a caller: a sampler's reading, a feed follower's handling
/// of an event. Each gets a span named for what it does, so its database calls sit under it instead of each making a
/// trace of its own; <see cref="BackgroundWorkSampler"/> keeps a share of the periodic ones.
/// </summary>
public static class BackgroundWork
{
    public const string SourceName = OpenTelemetryExtensions.SourcePrefix + "Background";

    /// <summary>Marks a span as periodic background work, for the sampler, which sees a span's tags but not its source.</summary>
    public const string PeriodicTag = "missionops.background.periodic";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>A periodic piece of work (a sampler reading the database), started as a trace of its own.</summary>
    public static Activity? StartPeriodic(string name) =>
        Source.StartActivity(ActivityKind.Internal, parentContext: default, tags: [new(PeriodicTag, true)], name: name);

    /// <summary>
    /// The handling of an event from another service's feed, in the trace of the change that raised it when the event
    /// carries it (W3C <c>traceparent</c>), and linked to it: the decision and what it causes read as one trace.
    /// </summary>
    public static Activity? StartHandling(string name, string? traceParent, long sequence, string eventType)
    {
        var parent = ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
        return Source.StartActivity(ActivityKind.Consumer, parent,
            tags: [new("messaging.operation.type", "process"), new("messaging.message.id", sequence), new("missionops.event.type", eventType)],
            links: parent == default ? null : [new ActivityLink(parent)], name: name);
    }
}
