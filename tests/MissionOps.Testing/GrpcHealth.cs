using Grpc.Health.V1;
using Grpc.Net.Client;

namespace MissionOps.Testing;

/// <summary>A service's gRPC health, asked as an orchestrator's probe asks it.</summary>
public static class GrpcHealth
{
    /// <summary>
    /// Asks every 250 ms until the service answers SERVING or <paramref name="within"/> has passed; gives the last answer,
    /// null when it never answered.
    /// </summary>
    public static async Task<HealthCheckResponse.Types.ServingStatus?> WhenServingAsync(Uri address, string service, TimeSpan within)
    {
        // A channel backs off between connection attempts, up to two minutes by default: a service slow to start would be
        // found serving long after it is. A probe tries again at its own pace.
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(250),
            MaxReconnectBackoff = TimeSpan.FromSeconds(1),
        });
        var client = new Health.HealthClient(channel);
        var until = DateTime.UtcNow + within;
        HealthCheckResponse.Types.ServingStatus? last = null;
        do
        {
            try
            {
                last = (await client.CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(2))).Status;
                if (last == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return last;
                }
            }
            catch (Grpc.Core.RpcException)
            {
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < until);

        return last;
    }
}
