using MissionOps.Client;
using MissionOps.ServiceDefaults;

namespace MissionOps.Board.Calls;

/// <summary>Where the four services answer, as the AppHost tells every caller: <c>services:sites:grpc:0</c>.</summary>
public sealed class ServiceAddresses(IConfiguration configuration)
{
    public Uri Of(string service) =>
        Uri.TryCreate(configuration[$"services:{service}:grpc:0"], UriKind.Absolute, out var address)
            ? address
            : throw new InvalidOperationException($"No address for the {service} service: set services:{service}:grpc:0 (the AppHost does).");

    /// <summary>The four services' clients, each call carrying the token <paramref name="tokens"/> gives for the service's audience.</summary>
    public MissionOpsClient ClientFor(Func<string, CancellationToken, ValueTask<string>> tokens, string language) => new(new MissionOpsClientOptions
    {
        Sites = Of(ServiceNames.Sites),
        Personnel = Of(ServiceNames.Personnel),
        Projects = Of(ServiceNames.Projects),
        Liquidation = Of(ServiceNames.Liquidation),
        Tokens = tokens,
        Language = language,
        CallTimeout = TimeSpan.FromSeconds(15),
    });
}
