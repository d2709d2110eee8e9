using Aspire.Hosting.Testing;
using MissionOps.Client;
using Grpc.Core;
using MissionOps.ServiceDefaults.Security;
using ClientErrorReason = MissionOps.Common.V1.ErrorReason;
using ClientSites = MissionOps.Sites.V1;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// The MissionOps.Client package as a partner uses it, against the system the AppHost started, with a viewer's token:
/// every page of a List as one sequence, a feed followed and resumed, and refusals as typed exceptions.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class DotNetClientTests(MissionOpsSystem system)
{
    private const string Minusma = "missions/minusma";

    private MissionOpsClient Connect(string token, string? language = null) => new(new MissionOpsClientOptions
    {
        Sites = system.App.GetEndpoint("sites", "grpc"),
        Tokens = MissionOpsClientOptions.FixedToken(token),
        Language = language,
    });

    private string ViewerToken() =>
        system.Issuer.Issue("dotnet-partner", [TokenIssuer.AudienceOf("sites")], ["minusma:viewer"], TimeSpan.FromMinutes(10));

    [Fact]
    public async Task Every_page_of_a_list_reads_as_one_sequence()
    {
        using var missionOps = Connect(ViewerToken());

        var paged = await Pages.All(new ClientSites.ListSitesRequest { Parent = Minusma, PageSize = 2 }, missionOps.Sites.ListSitesAsync, page => page.Sites)
            .ToListAsync();
        var whole = await missionOps.Sites.ListSitesAsync(new ClientSites.ListSitesRequest { Parent = Minusma, PageSize = 1000 });

        Assert.True(paged.Count > 2, $"{paged.Count} sites: not enough to need pages");
        Assert.Equal(whole.Sites.Select(s => s.Name), paged.Select(s => s.Name));
    }

    [Fact]
    public async Task A_feed_is_followed_from_its_start_and_resumed_after_the_last_event_handled()
    {
        using var missionOps = Connect(ViewerToken());
        IAsyncEnumerable<MissionOps.Common.V1.ChangeEvent> After(long sequence) => Feeds.Follow(
            (after, ct) => missionOps.Sites.WatchEvents(new ClientSites.WatchEventsRequest { Parent = Minusma, AfterSequence = after }, cancellationToken: ct),
            sequence);

        var first = await After(0).Take(10).ToListAsync();
        var resumed = await After(first[4].Sequence).Take(5).ToListAsync();

        Assert.All(first.Zip(first.Skip(1)), pair => Assert.True(pair.Second.Sequence > pair.First.Sequence));
        Assert.All(first, e => Assert.False(string.IsNullOrEmpty(e.Type)));
        Assert.Equal(first.Skip(5).Select(e => e.Sequence), resumed.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_refusal_is_an_exception_with_its_reason_its_fields_and_a_message_in_French()
    {
        using var missionOps = Connect(ViewerToken(), language: "fr");
        using var stranger = Connect("not-a-token");

        var bad = await Assert.ThrowsAsync<MissionOpsException>(() => missionOps.Sites.GetSiteAsync(new ClientSites.GetSiteRequest { Name = "sevare" }).ResponseAsync);
        var anonymous = await Assert.ThrowsAsync<MissionOpsException>(
            () => stranger.Sites.GetSiteAsync(new ClientSites.GetSiteRequest { Name = $"{Minusma}/sites/sevare" }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, ClientErrorReason.InvalidRequest), (bad.Code, bad.Reason));
        Assert.Equal("name", Assert.Single(bad.FieldViolations).Field);
        Assert.StartsWith("Des champs de la requête ne sont pas valides.", bad.LocalizedMessage);
        Assert.Equal((StatusCode.Unauthenticated, ClientErrorReason.AuthenticationRequired), (anonymous.Code, anonymous.Reason));
    }
}
