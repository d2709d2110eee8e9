using MissionOps.ServiceDefaults;

namespace MissionOps.Board.Calls;

/// <summary>Where the four services answer, as the AppHost tells every caller: <c>services:sites:grpc:0</c>.</summary>
public sealed class ServiceAddresses(IConfiguration configuration)
{
    public Uri Of(string service) =>
        Uri.TryCreate(configuration[$"services:{service}:grpc:0"], UriKind.Absolute, out var address)
            ? address
            : throw new InvalidOperationException($"No address for the {service} service: set services:{service}:grpc:0 (the AppHost does).");

    public IReadOnlyDictionary<string, Uri> All() => ServiceNames.All.ToDictionary(s => s, Of);
}
