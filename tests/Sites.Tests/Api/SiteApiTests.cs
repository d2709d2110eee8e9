using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class SiteApiTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public async Task A_new_site_is_operational_and_reads_back_whole()
    {
        await CreateMissionWithMoptiAndPhase2Async();

        var created = await Client.CreateSiteAsync(CreateSite("sevare"));
        var read = await Client.GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/sevare" });

        Assert.Equal(SiteState.Operational, read.State);
        Assert.Equal("Sévaré", read.Location.Locality);
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task A_site_must_stand_in_a_recorded_region_and_one_of_its_districts()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var otherDistrict = CreateSite("goundam", district: "ML0503");
        var unknownVersion = CreateSite("sevare");
        unknownVersion.Site.Location.PcodeVersion = "2021";

        await RpcAssert.InvalidArgument(() => Client.CreateSiteAsync(otherDistrict).ResponseAsync, "site.location.district_pcode");
        await RpcAssert.InvalidArgument(() => Client.CreateSiteAsync(unknownVersion).ResponseAsync, "site.location.region_pcode");
    }

    [Fact]
    public async Task Every_bad_field_of_a_site_is_named_and_nothing_is_stored()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var request = CreateSite("Sévaré");
        request.Site.DisplayName.En = string.Empty;
        request.Site.Kind = (SiteKind)42;
        request.Site.Location.RegionPcode = "Mopti";
        request.Site.OpeningDate = null;
        request.RequestId = "retry-1";

        await RpcAssert.InvalidArgument(() => Client.CreateSiteAsync(request).ResponseAsync,
            "site_id", "request_id", "site.display_name.en", "site.kind", "site.location.region_pcode", "site.opening_date");
        Assert.Empty((await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma })).Sites);
    }

    // Refused as a name, not looked up and found missing: the caller's mistake is in the name, not in the data.
    [Theory]
    [InlineData("missions/minusma/sites/Sévaré")]
    [InlineData("missions/minusma/sites/sevare-")]
    [InlineData("missions/minusma/sites/s")]
    [InlineData("missions/minusma/sites/sevare%2Fmopti")]
    public async Task A_name_whose_id_no_site_could_have_is_refused_naming_it(string name)
    {
        await CreateMissionWithMoptiAndPhase2Async();

        var violations = await RpcAssert.InvalidArgument(() => Client.GetSiteAsync(new GetSiteRequest { Name = name }).ResponseAsync, "name");

        Assert.Contains(name, violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unspecified_kind_is_refused_as_required()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var request = CreateSite("sevare", kind: SiteKind.Unspecified);

        var violations = await RpcAssert.InvalidArgument(() => Client.CreateSiteAsync(request).ResponseAsync, "site.kind");
        Assert.Equal("is required", violations[0].Description);
    }

    [Fact]
    public async Task Sites_filter_by_kind_state_region_and_phase_and_page_with_their_filters()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        await Client.CreateSiteAsync(CreateSite("douentza", SiteKind.Base, "ML0504"));
        await Client.CreateSiteAsync(CreateSite("ogossagou", SiteKind.TemporaryOperatingBase, "ML0502"));
        await Client.CreateSiteAsync(CreateSite("bandiagara", SiteKind.TeamSite, "ML0501"));
        await Client.PlanSiteClosureAsync(Plan("ogossagou", Day(2023, 11, 20)));
        await Client.PlanSiteClosureAsync(Plan("douentza", Day(2023, 11, 28)));

        async Task<string[]> Names(ListSitesRequest request)
        {
            request.Parent = Minusma;
            return (await Client.ListSitesAsync(request)).Sites.Select(s => s.Name.Split('/')[^1]).ToArray();
        }

        Assert.Equal(["douentza"], await Names(new ListSitesRequest { Kind = SiteKind.Base }));
        Assert.Equal(["douentza", "ogossagou"], await Names(new ListSitesRequest { State = SiteState.ClosurePlanned }));
        Assert.Equal(["douentza", "ogossagou"], await Names(new ListSitesRequest { DrawdownPhase = "missions/minusma/drawdownPhases/phase-2" }));
        Assert.Equal(["bandiagara", "douentza", "ogossagou", "sevare"], await Names(new ListSitesRequest { RegionPcode = "ML05" }));
        Assert.Empty(await Names(new ListSitesRequest { RegionPcode = "ML06" }));

        var first = await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma, PageSize = 1, State = SiteState.ClosurePlanned });
        var second = await Client.ListSitesAsync(new ListSitesRequest
        {
            Parent = Minusma, PageSize = 1, State = SiteState.ClosurePlanned, PageToken = first.NextPageToken,
        });
        Assert.Equal("missions/minusma/sites/douentza", Assert.Single(first.Sites).Name);
        Assert.Equal("missions/minusma/sites/ogossagou", Assert.Single(second.Sites).Name);

        await RpcAssert.InvalidArgument(() => Client.ListSitesAsync(new ListSitesRequest
        {
            Parent = Minusma, PageSize = 1, Kind = SiteKind.Camp, PageToken = first.NextPageToken,
        }).ResponseAsync, "page_token");
    }

    [Fact]
    public async Task The_sites_of_an_unknown_mission_are_NOT_FOUND_and_those_of_a_mission_without_sites_an_empty_page()
    {
        await CreateMissionWithMoptiAndPhase2Async();

        Assert.Empty((await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma })).Sites);
        await RpcAssert.Fails(StatusCode.NotFound, () => Client.ListSitesAsync(new ListSitesRequest { Parent = "missions/unmiss" }).ResponseAsync);
    }

    [Fact]
    public async Task An_update_changes_only_the_masked_fields_and_a_stale_etag_is_aborted()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var created = await Client.CreateSiteAsync(CreateSite("sevare"));

        var change = created.Clone();
        change.DisplayName = Text("ignored", "Camp de Sévaré (MINUSMA)");
        change.OpeningDate = Day(2014, 1, 1);
        var updated = await Client.UpdateSiteAsync(new UpdateSiteRequest
        {
            Site = change,
            UpdateMask = new FieldMask { Paths = { "display_name.fr" } },
            Etag = created.Etag,
            RequestId = NewId(),
        });

        Assert.Equal("Camp de Sévaré (MINUSMA)", updated.DisplayName.Fr);
        Assert.Equal(created.DisplayName.En, updated.DisplayName.En);
        Assert.Equal(created.OpeningDate, updated.OpeningDate);
        Assert.NotEqual(created.Etag, updated.Etag);

        var stale = await RpcAssert.Fails(StatusCode.Aborted, () => Client.UpdateSiteAsync(new UpdateSiteRequest
        {
            Site = change,
            UpdateMask = new FieldMask { Paths = { "opening_date" } },
            Etag = created.Etag,
            RequestId = NewId(),
        }).ResponseAsync);
        Assert.Equal("ETAG_MISMATCH", RpcAssert.Reason(stale));
        Assert.Equal(created.OpeningDate, (await Client.GetSiteAsync(new GetSiteRequest { Name = created.Name })).OpeningDate);
    }

    [Fact]
    public async Task An_update_refuses_lifecycle_fields_and_unknown_replacements()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var created = await Client.CreateSiteAsync(CreateSite("sevare"));
        created.State = SiteState.HandedOver;
        created.ReplacedBy = "missions/minusma/sites/nowhere";

        await RpcAssert.InvalidArgument(() => Client.UpdateSiteAsync(new UpdateSiteRequest
        {
            Site = created,
            UpdateMask = new FieldMask { Paths = { "state" } },
            RequestId = NewId(),
        }).ResponseAsync, "update_mask");
        await RpcAssert.InvalidArgument(() => Client.UpdateSiteAsync(new UpdateSiteRequest
        {
            Site = created,
            UpdateMask = new FieldMask { Paths = { "replaced_by" } },
            RequestId = NewId(),
        }).ResponseAsync, "site.replaced_by");
        Assert.Equal(SiteState.Operational, (await Client.GetSiteAsync(new GetSiteRequest { Name = created.Name })).State);
    }

    [Fact]
    public async Task A_site_can_record_the_site_that_replaced_it()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var ogossagou = await Client.CreateSiteAsync(CreateSite("ogossagou", SiteKind.TemporaryOperatingBase, "ML0502"));
        await Client.CreateSiteAsync(CreateSite("bankass", SiteKind.TeamSite, "ML0502"));

        ogossagou.ReplacedBy = "missions/minusma/sites/bankass";
        var updated = await Client.UpdateSiteAsync(new UpdateSiteRequest
        {
            Site = ogossagou,
            UpdateMask = new FieldMask { Paths = { "replaced_by" } },
            RequestId = NewId(),
        });

        Assert.Equal("missions/minusma/sites/bankass", updated.ReplacedBy);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_refused_and_stores_nothing()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var request = CreateSite("sevare");
        request.Site.DisplayName.En = new string('x', 5 * 1024 * 1024);

        await RpcAssert.Fails(StatusCode.ResourceExhausted, () => Client.CreateSiteAsync(request).ResponseAsync);
        Assert.Empty((await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma })).Sites);
    }

    [Fact]
    public async Task A_site_id_is_taken_once()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));

        await RpcAssert.Fails(StatusCode.AlreadyExists, () => Client.CreateSiteAsync(CreateSite("sevare")).ResponseAsync);
    }
}
