using OpenTelemetry.Trace;

namespace MissionOps.ServiceDefaults.Telemetry;

/// <summary>
/// Samples every trace a caller starts, and a share of the periodic background work (<see cref="BackgroundWork.StartPeriodic"/>):
/// four services each reading the database every half minute would otherwise fill the dashboard's traces with their own.
/// A span inside a trace follows its root's decision (parent-based).
/// </summary>
public sealed class BackgroundWorkSampler(double periodicRatio) : Sampler
{
    private readonly TraceIdRatioBasedSampler _periodic = new(periodicRatio);

    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.Tags is { } tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == BackgroundWork.PeriodicTag)
                {
                    return _periodic.ShouldSample(samplingParameters);
                }
            }
        }

        return Sampled;
    }
}
