using Grpc.Core;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>Every text of a request meets one rule before the service reads it: storable characters, in NFC.</summary>
public sealed class RequestTextTests(SitesApp app) : SitesApiTest(app)
{
    private const string Decomposed = "Se\u0301vare\u0301";
    private const string Precomposed = "S\u00e9var\u00e9";

    // An unpaired surrogate cannot cross the wire as UTF-8: the client's encoder sends U+FFFD in its place, and that is refused.
    [Theory]
    [InlineData(0x0000, "U+0000")]
    [InlineData(0x0007, "U+0007")]
    [InlineData(0xD800, "U+FFFD")]
    [InlineData(0xFFFD, "U+FFFD")]
    public async Task A_character_that_cannot_be_stored_is_refused_naming_the_field_and_nothing_is_stored(int character, string named)
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var request = CreateSite("sevare");
        request.Site.DisplayName.Fr = $"Camp{(char)character}Sévaré";

        var violations = await RpcAssert.InvalidArgument(() => Client.CreateSiteAsync(request).ResponseAsync, "site.display_name.fr");

        Assert.Contains(named, violations[0].Description, StringComparison.Ordinal);
        Assert.Empty((await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma })).Sites);
    }

    // A client that does not check its text, in any language, can send what the C# one cannot: bytes that are not UTF-8.
    [Fact]
    public async Task Text_that_is_not_UTF8_on_the_wire_is_refused_naming_the_field_and_nothing_is_stored()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var request = CreateSite("sevare");
        request.Site.Location.Locality = $"S{BadInputCorpus.LoneSurrogate}var";

        var violations = await RpcAssert.InvalidArgument(() => SendAsync("CreateSite", BadInputCorpus.ToWire(request)), "site.location.locality");

        Assert.Contains("UTF-8", violations[0].Description, StringComparison.Ordinal);
        Assert.Empty((await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma })).Sites);
    }

    [Fact]
    public async Task Bytes_that_are_not_a_message_are_refused_as_the_request()
    {
        // A length-delimited field 1 that claims more bytes than follow.
        var violations = await RpcAssert.InvalidArgument(() => SendAsync("CreateSite", [0x0A, 0x7F, 0x01]), "request");

        Assert.Contains(CreateSiteRequest.Descriptor.FullName, violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_text()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var request = CreateSite("sevare");
        request.Site.DisplayName.En = "Camp\tof\r\nSévaré";

        var site = await Client.CreateSiteAsync(request);

        Assert.Equal("Camp\tof\r\nSévaré", site.DisplayName.En);
    }

    [Fact]
    public async Task A_name_typed_with_combining_accents_is_stored_read_and_exported_as_the_precomposed_one()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var request = CreateSite("sevare");
        request.Site.DisplayName = Text($"{Decomposed} camp", $"Camp de {Decomposed}");
        request.Site.Location.Locality = Decomposed;

        var created = await Client.CreateSiteAsync(request);
        var read = await Client.GetSiteAsync(new GetSiteRequest { Name = $"{Minusma}/sites/sevare" });
        var listed = Assert.Single((await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma })).Sites);
        var exported = HxlFile.Read((await Client.ExportSitesHxlAsync(new ExportSitesHxlRequest { Parent = Minusma })).Csv).Row("#loc+code", "sevare");

        Assert.Equal((Precomposed, $"Camp de {Precomposed}"), (created.Location.Locality, created.DisplayName.Fr));
        Assert.Equal(created, read);
        Assert.Equal(created, listed);
        Assert.Equal($"Camp de {Precomposed}", exported["#loc+name+i_fr"]);
    }

    [Fact]
    public async Task The_two_spellings_are_one_request_so_a_retry_in_the_other_is_the_same_change()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var decomposed = CreateSite("sevare");
        decomposed.Site.Location.Locality = Decomposed;
        var precomposed = decomposed.Clone();
        precomposed.Site.Location.Locality = Precomposed;

        var first = await Client.CreateSiteAsync(decomposed);
        var retry = await Client.CreateSiteAsync(precomposed);

        Assert.Equal(first, retry);
        Assert.Single((await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma })).Sites);
    }

    private Task SendAsync(string rpc, byte[] body)
    {
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, SitesService.Descriptor.FullName, rpc, bytes, bytes);
        return App.Service.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), body).ResponseAsync;
    }
}
