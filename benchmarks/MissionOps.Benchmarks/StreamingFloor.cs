using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionOps.Personnel.V1;

namespace MissionOps.Personnel.Benchmarks;

/// <summary>
/// A diagnostic, not a baseline: the same ImportMovementManifest contract served by a server
/// that only reads the stream and counts the rows, on the same Kestrel h2c transport: what the
/// rows cost to send and receive, batch by batch, before any of the service's work.
/// </summary>
public sealed class StreamingFloor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private StreamingFloor(WebApplication app, Uri address)
    {
        _app = app;
        _channel = GrpcChannel.ForAddress(address);
        Client = new PersonnelService.PersonnelServiceClient(_channel);
    }

    public PersonnelService.PersonnelServiceClient Client { get; }

    public static async Task<StreamingFloor> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<CountingOnlyService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new StreamingFloor(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class CountingOnlyService : PersonnelService.PersonnelServiceBase
    {
        public override async Task<ImportMovementManifestResponse> ImportMovementManifest(
            IAsyncStreamReader<ImportMovementManifestRequest> requestStream, ServerCallContext context)
        {
            var rows = 0;
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                if (requestStream.Current.PartCase == ImportMovementManifestRequest.PartOneofCase.Rows)
                {
                    rows += requestStream.Current.Rows.Rows.Count;
                }
            }

            return new ImportMovementManifestResponse { MovementCount = rows };
        }
    }
}
