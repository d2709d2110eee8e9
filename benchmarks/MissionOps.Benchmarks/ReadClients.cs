using Grpc.Net.Client;
using MissionOps.Benchmarks.Bare;
using MissionOps.Testing;

namespace MissionOps.Benchmarks;

/// <summary>
/// The clients' connections: for each service and for the bare server, <see cref="Connections"/>
/// channels (one HTTP/2 connection each) carrying the same administrator's bearer token, which
/// the bare server ignores; worker w uses connection w mod <see cref="Connections"/>.
/// </summary>
public sealed class ReadClients : IDisposable
{
    public const int Connections = 4;

    private readonly Dictionary<string, GrpcChannel[]> _services;
    private readonly GrpcChannel[] _bare;
    private readonly BareReads.BareReadsClient[] _bareClients;

    public ReadClients(BenchHost host, Uri bareAddress)
    {
        _services = new Dictionary<string, GrpcChannel[]>
        {
            ["sites"] = Open(host.Sites.Address),
            ["personnel"] = Open(host.Personnel.Address),
            ["projects"] = Open(host.Projects!.Address),
            ["assets"] = Open(host.Liquidation!.Address),
        };
        _bare = Open(bareAddress);
        _bareClients = _bare.Select(c => new BareReads.BareReadsClient(c)).ToArray();
    }

    /// <summary>The service that holds <paramref name="table"/>.</summary>
    public GrpcChannel Service(string table, int worker) => _services[table][worker % Connections];

    public BareReads.BareReadsClient Bare(int worker) => _bareClients[worker % Connections];

    public void Dispose()
    {
        foreach (var channel in _services.Values.SelectMany(c => c).Concat(_bare))
        {
            channel.Dispose();
        }
    }

    private static GrpcChannel[] Open(Uri address) =>
        Enumerable.Range(0, Connections)
            .Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new BearerTokenHandler(TestTokens.Administrator) }))
            .ToArray();
}
