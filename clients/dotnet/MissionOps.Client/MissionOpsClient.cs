using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using MissionOps.Liquidation.V1;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Client;

/// <summary>
/// The four services' clients, each on a channel of its own that sends the service's bearer token, retries a call
/// refused as UNAVAILABLE (the same request, so the same request id: a change is made once), gives a unary call the
/// deadline it lacks, and throws a refusal as a <see cref="MissionOpsException"/>.
/// </summary>
public sealed class MissionOpsClient : IDisposable
{
    private readonly MissionOpsClientOptions _options;
    private readonly List<GrpcChannel> _channels = [];
    private readonly Lazy<SitesService.SitesServiceClient> _sites;
    private readonly Lazy<PersonnelService.PersonnelServiceClient> _personnel;
    private readonly Lazy<ProjectsService.ProjectsServiceClient> _projects;
    private readonly Lazy<LiquidationService.LiquidationServiceClient> _liquidation;

    public MissionOpsClient(MissionOpsClientOptions options)
    {
        _options = options;
        _sites = new(() => new(Invoker(options.Sites, "sites")));
        _personnel = new(() => new(Invoker(options.Personnel, "personnel")));
        _projects = new(() => new(Invoker(options.Projects, "projects")));
        _liquidation = new(() => new(Invoker(options.Liquidation, "liquidation")));
    }

    public SitesService.SitesServiceClient Sites => _sites.Value;

    public PersonnelService.PersonnelServiceClient Personnel => _personnel.Value;

    public ProjectsService.ProjectsServiceClient Projects => _projects.Value;

    public LiquidationService.LiquidationServiceClient Liquidation => _liquidation.Value;

    /// <summary>The audience of a service's tokens: <c>missionops.sites</c>.</summary>
    public static string AudienceOf(string service) => $"missionops.{service}";

    public void Dispose()
    {
        lock (_channels)
        {
            _channels.ForEach(c => c.Dispose());
            _channels.Clear();
        }
    }

    private CallInvoker Invoker(Uri? address, string service)
    {
        if (address is null)
        {
            throw new InvalidOperationException($"No address for the {service} service: set MissionOpsClientOptions.{char.ToUpperInvariant(service[0])}{service[1..]}.");
        }

        if (_options.MaxAttempts < 1)
        {
            throw new InvalidOperationException($"MissionOpsClientOptions.MaxAttempts is {_options.MaxAttempts}: a call is sent at least once.");
        }

        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new BearerTokenHandler(_options.Tokens, AudienceOf(service), _options.Language)
            {
                InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            },
            MaxRetryAttempts = _options.MaxAttempts,
            // One attempt is no retry policy: grpc refuses a policy of fewer than two.
            ServiceConfig = _options.MaxAttempts > 1 ? CallPolicy.RetryUnavailable(_options.MaxAttempts, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)) : null,
            MaxReconnectBackoff = CallPolicy.MaxReconnectBackoff,
        });
        lock (_channels)
        {
            _channels.Add(channel);
        }

        return channel.Intercept(new CallPolicy(_options.CallTimeout));
    }
}
