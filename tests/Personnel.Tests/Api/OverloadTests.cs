using System.Net;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

/// <summary>
/// Personnel allowed one call at a time and no queue, that one call held open (a manifest import not yet finished):
/// every other call is refused at once, over gRPC and HTTP/JSON alike, and stores nothing; health checks and the feed
/// are still answered; once the import ends, calls are taken in again.
/// </summary>
public sealed class OverloadTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public async Task Past_its_limit_the_service_refuses_calls_at_once_stays_healthy_and_takes_them_again_when_the_load_ends()
    {
        await using var isolated = new SitesDependentServiceFactory<Program>(App.Postgres, Extensions.DatabaseName, "personnel_overloaded", App.Sites.Address)
            .WithSetting("Limits:ConcurrentCalls", "1")
            .WithSetting("Limits:QueuedCalls", "0");
        isolated.Start();
        var client = new PersonnelService.PersonnelServiceClient(isolated.Channel);
        await client.CreatePersonAsync(CreatePerson("awa"));

        var (import, refusal) = await HoldTheOnlyCallAsync(client);
        using (import)
        {
            Assert.Equal("OVERLOADED", refusal.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
            Assert.Equal(TimeSpan.FromSeconds(1), refusal.GetRpcStatus()!.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan());
            Assert.Equal("1000", refusal.Trailers.GetValue("grpc-retry-pushback-ms"));

            await RpcAssert.Overloaded(() => client.CreatePersonAsync(CreatePerson("amadou")).ResponseAsync);

            using var http = isolated.HttpClientWith(TestTokens.Administrator);
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
            var overHttp = await http.GetAsync(new Uri($"v1/{Minusma}/personnel", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, overHttp.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), overHttp.Headers.RetryAfter?.Delta);
            using var body = JsonDocument.Parse(await overHttp.Content.ReadAsStringAsync());
            var details = body.RootElement.GetProperty("details").EnumerateArray().ToList();
            Assert.Contains("OVERLOADED", details.Select(d => d.TryGetProperty("reason", out var r) ? r.GetString() : null));
            Assert.StartsWith("Le service reçoit plus d'appels", details.Single(d => d.TryGetProperty("locale", out var l) && l.GetString() == "fr").GetProperty("message").GetString(), StringComparison.Ordinal);

            // What the orchestrator and the feed followers ask is never refused.
            var health = await new Health.HealthClient(isolated.Channel).CheckAsync(new HealthCheckRequest());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
            using var feed = client.WatchEvents(new WatchEventsRequest { Parent = Minusma });
            Assert.True(await feed.ResponseStream.MoveNext(CancellationToken.None));
        }

        // The import is cancelled: its call ends, and the others are taken in again.
        var people = await AcceptedAgainAsync(() => client.ListPersonnelAsync(new ListPersonnelRequest { Parent = Minusma }).ResponseAsync);
        Assert.Equal([$"{Minusma}/personnel/awa"], people.Personnel.Select(p => p.Name));
        await client.CreatePersonAsync(CreatePerson("amadou"));
    }

    private static async Task<T> AcceptedAgainAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException refused) when (refused.StatusCode == StatusCode.Unavailable && attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>
    /// An import, left open after its header, holds the one call allowed once it has reached the service. Until then a
    /// call sent to check may take the place first and the import is the one refused: then another import is opened.
    /// </summary>
    private static async Task<(AsyncClientStreamingCall<ImportMovementManifestRequest, ImportMovementManifestResponse> Import, RpcException Refusal)>
        HoldTheOnlyCallAsync(PersonnelService.PersonnelServiceClient client)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var import = client.ImportMovementManifest();
            await import.RequestStream.WriteAsync(new ImportMovementManifestRequest
            {
                Header = new ManifestHeader { Parent = Minusma, ManifestId = "held-open", RequestId = NewId() },
            });
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            if (!import.ResponseAsync.IsCompleted)
            {
                try
                {
                    await client.ListUnitsAsync(new ListUnitsRequest { Parent = Minusma });
                }
                catch (RpcException refused) when (refused.StatusCode == StatusCode.Unavailable && !import.ResponseAsync.IsCompleted)
                {
                    return (import, refused);
                }
            }

            import.Dispose();
        }

        throw new Xunit.Sdk.XunitException("An open import never held the only call allowed.");
    }
}
