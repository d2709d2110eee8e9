using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionOps.ServiceDefaults.Telemetry;

namespace MissionOps.Testing;

/// <summary>A measurement as an exporter reads it: the instrument, the value, its dimensions.</summary>
public sealed record Gauge(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string Tag(string name) => Tags.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";
}

public static class Gauges
{
    /// <summary>
    /// One reading by each of the service's samplers, then every observable instrument of its meter, as the exporter reads
    /// them: only this service's meter (created by its own meter factory), not another host's of the same name in the process.
    /// </summary>
    public static async Task<List<Gauge>> ReadAsync(IServiceProvider services, string meterName)
    {
        foreach (var sampler in services.GetServices<IHostedService>().OfType<PeriodicSampler>())
        {
            await sampler.SampleOnceAsync(CancellationToken.None);
        }

        var factory = services.GetRequiredService<IMeterFactory>();
        var gauges = new List<Gauge>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => gauges.Add(Of(instrument, value, tags)));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => gauges.Add(Of(instrument, value, tags)));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => gauges.Add(Of(instrument, value, tags)));
        listener.Start();
        listener.RecordObservableInstruments();
        return gauges;
    }

    private static Gauge Of(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        new(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value));
}
