using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
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

        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new CallerHeaders(_options, AudienceOf(service)) { InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } },
            MaxRetryAttempts = _options.MaxAttempts,
            ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = _options.MaxAttempts,
                            InitialBackoff = TimeSpan.FromSeconds(1),
                            MaxBackoff = TimeSpan.FromSeconds(8),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            },
        });
        lock (_channels)
        {
            _channels.Add(channel);
        }

        return channel.Intercept(new Refusals(_options.CallTimeout));
    }

    /// <summary>The service's token and the caller's languages on every request.</summary>
    private sealed class CallerHeaders(MissionOpsClientOptions options, string audience) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await options.Tokens(audience, cancellationToken));
            if (!string.IsNullOrEmpty(options.Language))
            {
                request.Headers.TryAddWithoutValidation("accept-language", options.Language);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>A deadline for the unary calls that have none, and refusals as <see cref="MissionOpsException"/>.</summary>
    private sealed class Refusals(TimeSpan timeout) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
            ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            if (context.Options.Deadline is null)
            {
                context = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithDeadline(DateTime.UtcNow + timeout));
            }

            var call = continuation(request, context);
            return new AsyncUnaryCall<TResponse>(Typed(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
        }

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
            ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
        {
            var call = continuation(context);
            return new AsyncClientStreamingCall<TRequest, TResponse>(call.RequestStream, Typed(call.ResponseAsync), call.ResponseHeadersAsync,
                call.GetStatus, call.GetTrailers, call.Dispose);
        }

        private static async Task<TResponse> Typed<TResponse>(Task<TResponse> response)
        {
            try
            {
                return await response;
            }
            catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
            {
                throw MissionOpsException.From(e);
            }
        }
    }
}
