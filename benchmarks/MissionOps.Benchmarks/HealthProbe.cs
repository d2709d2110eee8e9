using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace MissionOps.Benchmarks;

/// <summary>How long each health check took to answer, and every answer that was not SERVING or not an answer.</summary>
public sealed record HealthFigures(double[] Milliseconds, IReadOnlyList<string> Wrong);

/// <summary>
/// The gRPC health check (grpc.health.v1) asked at a steady pace for a while, as an orchestrator asks it, on a
/// connection of its own.
/// </summary>
public static class HealthProbe
{
    public static async Task<HealthFigures> RunAsync(GrpcChannel channel, TimeSpan every, TimeSpan duration)
    {
        var client = new Health.HealthClient(channel);
        var milliseconds = new List<double>();
        var wrong = new List<string>();
        var clock = Stopwatch.StartNew();
        using var pace = new PeriodicTimer(every);
        do
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
                milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (reply.Status != HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    wrong.Add($"{reply.Status} at {clock.Elapsed.TotalSeconds:F1} s");
                }
            }
            catch (RpcException e)
            {
                wrong.Add($"{e.StatusCode} at {clock.Elapsed.TotalSeconds:F1} s: {e.Status.Detail}");
            }
        }
        while (clock.Elapsed < duration && await pace.WaitForNextTickAsync());

        return new HealthFigures([.. milliseconds.Order()], wrong);
    }
}
