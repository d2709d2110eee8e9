using Google.Rpc;
using Grpc.Core;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using Npgsql;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>
/// What keeps a point read cheap must not loosen it: a token remembered as valid is still a token checked, and a read
/// the database fails transiently is answered UNAVAILABLE for the caller to retry, where a change would retry itself.
/// </summary>
public sealed class ReadPathTests(SitesApp app) : SitesApiTest(app)
{
    private static readonly GetSiteRequest Sevare = new() { Name = $"{Minusma}/sites/sevare" };

    [Fact]
    public async Task A_token_altered_after_its_genuine_self_was_accepted_is_refused()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        var token = TestTokens.For($"minusma:{MissionRoles.Viewer}");
        var genuine = new SitesService.SitesServiceClient(App.Service.ChannelWith(token));
        await genuine.GetSiteAsync(Sevare);
        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        signature[4] = signature[4] == 'A' ? 'B' : 'A';
        var altered = new SitesService.SitesServiceClient(App.Service.ChannelWith($"{parts[0]}.{parts[1]}.{new string(signature)}"));

        await RpcAssert.Fails(StatusCode.Unauthenticated, () => altered.GetSiteAsync(Sevare).ResponseAsync);
        Assert.Equal(Sevare.Name, (await genuine.GetSiteAsync(Sevare)).Name);
    }

    [Fact]
    public async Task A_token_that_expires_after_it_was_accepted_is_refused_from_then_on()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        var shortLived = TestTokens.Issuer.Issue("test-user", [TokenIssuer.AudienceOf("sites")], [$"minusma:{MissionRoles.Viewer}"],
            TimeSpan.FromSeconds(1), now: DateTimeOffset.UtcNow.AddSeconds(-30));
        var caller = new SitesService.SitesServiceClient(App.Service.ChannelWith(shortLived));
        // Issued 30 s ago for 1 s: inside the 30 s clock skew the handler allows, it is accepted and remembered.
        await caller.GetSiteAsync(Sevare);

        await Task.Delay(TimeSpan.FromSeconds(3));

        await RpcAssert.Fails(StatusCode.Unauthenticated, () => caller.GetSiteAsync(Sevare).ResponseAsync);
    }

    [Fact]
    public async Task A_read_whose_database_connection_is_cut_is_UNAVAILABLE_with_a_retry_delay_and_the_retry_answers()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        await Client.GetSiteAsync(Sevare);

        await using (var admin = new NpgsqlConnection(App.Service.DatabaseConnectionString))
        {
            await admin.OpenAsync();
            await using var cut = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
            Assert.True((long)(await cut.ExecuteScalarAsync())! > 0, "the service held no connection to cut");
        }

        var failure = await RpcAssert.Fails(StatusCode.Unavailable, () => Client.GetSiteAsync(Sevare).ResponseAsync);
        var status = failure.GetRpcStatus()!;
        Assert.Equal("DEPENDENCY_UNAVAILABLE", status.GetDetail<ErrorInfo>()?.Reason);
        Assert.NotNull(status.GetDetail<RetryInfo>());
        Assert.Equal(Sevare.Name, (await Client.GetSiteAsync(Sevare)).Name);
    }
}
