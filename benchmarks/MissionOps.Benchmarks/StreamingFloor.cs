using Grpc.Core;
using Grpc.Net.Client;
using MissionOps.Personnel.V1;

namespace MissionOps.Benchmarks;

/// <summary>
/// A diagnostic, not a baseline: the same ImportMovementManifest contract served by a server
/// that only reads the stream and counts the rows, on the same Kestrel h2c transport: what the
/// rows cost to send and receive, batch by batch, before any of the service's work.
/// </summary>
public sealed class StreamingFloor : IAsyncDisposable
{
    private readonly LoopbackGrpcServer _server;
    private readonly GrpcChannel _channel;

    private StreamingFloor(LoopbackGrpcServer server)
    {
        _server = server;
        _channel = GrpcChannel.ForAddress(server.Address);
        Client = new PersonnelService.PersonnelServiceClient(_channel);
    }

    public PersonnelService.PersonnelServiceClient Client { get; }

    public static async Task<StreamingFloor> StartAsync() => new(await LoopbackGrpcServer.StartAsync<CountingOnlyService>());

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
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
