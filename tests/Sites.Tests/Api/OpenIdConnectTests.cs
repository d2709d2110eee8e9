extern alias personnel;
using Google.Rpc;
using Grpc.Core;
using MissionOps.Client;
using MissionOps.Client.Tokens;
using MissionOps.ServiceDefaults.Clients;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;
using P = MissionOps.Personnel.V1;

namespace MissionOps.Sites.Tests.Api;

/// <summary>The production identity path: tokens from an OpenID Connect authority, for callers and for the services between themselves.</summary>
public sealed class OpenIdConnectTests(OpenIdConnectApp app) : IClassFixture<OpenIdConnectApp>
{
    [Fact]
    public async Task A_closure_asks_Personnel_and_Projects_with_the_tokens_the_authority_gave_Sites()
    {
        using var channel = app.Sites.ChannelWith(await app.AdministratorTokenAsync());
        var sites = new SitesService.SitesServiceClient(channel);
        await sites.CreateMissionWithMoptiAndPhase2Async();

        var sevare = await sites.OpenAndCloseSiteAsync("sevare");
        var mopti = await sites.OpenAndCloseSiteAsync("mopti");

        Assert.Equal((SiteState.Closed, SiteState.Closed), (sevare.State, mopti.State));
        // Two closures, four calls: Sites asked the authority once for each service it called.
        Assert.Equal(1, app.Authority.TokensIssued(OpenIdConnectApp.SitesClient.ClientId, TokenIssuer.AudienceOf("personnel")));
        Assert.Equal(1, app.Authority.TokensIssued(OpenIdConnectApp.SitesClient.ClientId, TokenIssuer.AudienceOf("projects")));
    }

    [Fact]
    public async Task A_partner_tool_takes_its_tokens_from_the_authority_through_MissionOpsClient_once_per_service()
    {
        var credentials = new ClientCredentials(app.Authority.Address, OpenIdConnectApp.Administrator.ClientId, OpenIdConnectApp.Administrator.Secret)
        {
            RequireHttps = false,
        };
        using var partner = new MissionOpsClient(new MissionOpsClientOptions { Sites = app.Sites.Address, Tokens = new ClientCredentialsTokens(credentials).ForAsync });
        var before = app.Authority.TokensIssued(OpenIdConnectApp.Administrator.ClientId, TokenIssuer.AudienceOf("sites"));

        await partner.Sites.ListMissionsAsync(new ListMissionsRequest());
        await partner.Sites.ListMissionsAsync(new ListMissionsRequest());

        Assert.Equal(before + 1, app.Authority.TokensIssued(OpenIdConnectApp.Administrator.ClientId, TokenIssuer.AudienceOf("sites")));
    }

    [Fact]
    public async Task A_partner_the_authority_refuses_gets_no_call_through_and_is_told_why()
    {
        var credentials = new ClientCredentials(app.Authority.Address, OpenIdConnectApp.Administrator.ClientId, "not-the-secret") { RequireHttps = false };
        using var partner = new MissionOpsClient(new MissionOpsClientOptions { Sites = app.Sites.Address, Tokens = new ClientCredentialsTokens(credentials).ForAsync });

        var refused = await Assert.ThrowsAsync<MissionOpsException>(() => partner.Sites.ListMissionsAsync(new ListMissionsRequest()).ResponseAsync);

        var cause = Assert.IsType<TokenUnavailableException>(refused.Status.DebugException);
        Assert.Contains("client mission-admin no token: the token request for missionops.sites failed", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_trusts_only_the_authority_signs_no_links_and_says_why()
    {
        using var http = app.Sites.HttpClientWith(await app.AdministratorTokenAsync());

        using var refused = await http.PostAsync("/v1/missions/minusma/sites.hxl.csv:sign", null);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        var status = new Google.Protobuf.JsonParser(Google.Protobuf.JsonParser.Settings.Default.WithTypeRegistry(
            Google.Protobuf.Reflection.TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor, Common.V1.ErrorReasonReflection.Descriptor)))
            .Parse<Google.Rpc.Status>(await refused.Content.ReadAsStringAsync());
        Assert.Equal("SIGNED_LINKS_NOT_CONFIGURED", status.Details.Where(d => d.Is(ErrorInfo.Descriptor)).Select(d => d.Unpack<ErrorInfo>()).Single().Reason);
    }

    [Fact]
    public async Task A_service_token_from_the_authority_reads_but_changes_nothing()
    {
        var token = await app.Authority.TokenAsync(OpenIdConnectApp.ProjectsClient.ClientId, OpenIdConnectApp.ProjectsClient.Secret,
            TokenIssuer.AudienceOf("personnel"));
        using var channel = app.Personnel.ChannelWith(token);
        var personnel = new P.PersonnelService.PersonnelServiceClient(channel);

        await personnel.ListPersonnelAsync(new P.ListPersonnelRequest { Parent = Minusma });
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => personnel.CreatePersonAsync(PersonnelRequests.HireAtSevare("amadou")).ResponseAsync);
    }

    [Fact]
    public async Task A_token_the_authority_gave_for_another_service_is_refused()
    {
        var token = await app.Authority.TokenAsync(OpenIdConnectApp.Administrator.ClientId, OpenIdConnectApp.Administrator.Secret,
            TokenIssuer.AudienceOf("personnel"));
        using var channel = app.Sites.ChannelWith(token);

        await RpcAssert.Fails(StatusCode.Unauthenticated,
            () => new SitesService.SitesServiceClient(channel).GetMissionAsync(new GetMissionRequest { Name = Minusma }).ResponseAsync);
    }

    [Fact]
    public async Task A_service_the_authority_refuses_answers_UNAVAILABLE_naming_the_identity_provider_and_stores_nothing()
    {
        using var channel = app.PersonnelWithWrongSecret.ChannelWith(await app.AdministratorTokenAsync());
        var personnel = new P.PersonnelService.PersonnelServiceClient(channel);

        var refused = await RpcAssert.Fails(StatusCode.Unavailable, () => personnel.CreatePersonAsync(PersonnelRequests.HireAtSevare("amadou")).ResponseAsync);

        Assert.Equal(ServiceCalls.IdentityProvider, refused.GetRpcStatus()!.GetDetail<ErrorInfo>().Metadata["service"]);
        Assert.Empty((await personnel.ListPersonnelAsync(new P.ListPersonnelRequest { Parent = Minusma })).Personnel);
    }
}
