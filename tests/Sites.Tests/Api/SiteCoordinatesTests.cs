using Google.Protobuf.WellKnownTypes;
using Google.Type;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>A site's point on the earth: kept as given, exported to HXL, and only ever inside the host country.</summary>
public sealed class SiteCoordinatesTests(SitesApp app) : SitesApiTest(app)
{
    private static readonly LatLng Sevare = new() { Latitude = 14.53, Longitude = -4.1 };

    [Fact]
    public async Task A_site_placed_in_mali_reads_back_at_its_point_and_the_hxl_export_carries_it()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var request = CreateSite("sevare");
        request.Site.Location.Coordinates = Sevare;

        var created = await Client.CreateSiteAsync(request);

        Assert.Equal(Sevare, created.Location.Coordinates);
        Assert.Equal(Sevare, (await Client.GetSiteAsync(new GetSiteRequest { Name = created.Name })).Location.Coordinates);
        var row = HxlFile.Read((await Client.ExportSitesHxlAsync(new ExportSitesHxlRequest { Parent = Minusma })).Csv).Row("#loc+code", "sevare");
        Assert.Equal(("14.53", "-4.1"), (row["#geo+lat"], row["#geo+lon"]));
    }

    [Theory]
    [InlineData(13.51, 2.11)] // Niamey, Niger
    [InlineData(14.69, -17.44)] // Dakar, Senegal
    [InlineData(0, 0)] // nowhere: a point left at its default
    public async Task A_point_outside_the_host_country_is_refused_naming_the_field_and_nothing_is_stored(double latitude, double longitude)
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var request = CreateSite("sevare");
        request.Site.Location.Coordinates = new LatLng { Latitude = latitude, Longitude = longitude };

        var violations = await RpcAssert.InvalidArgument(() => Client.CreateSiteAsync(request).ResponseAsync, "site.location.coordinates");

        Assert.Contains("outside ML", violations[0].Description, StringComparison.Ordinal);
        Assert.Empty((await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma })).Sites);
    }

    [Fact]
    public async Task A_latitude_or_longitude_off_the_earth_is_refused_by_its_own_name()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var request = CreateSite("sevare");
        request.Site.Location.Coordinates = new LatLng { Latitude = 104.53, Longitude = -194.1 };

        await RpcAssert.InvalidArgument(() => Client.CreateSiteAsync(request).ResponseAsync,
            "site.location.coordinates.latitude", "site.location.coordinates.longitude");
    }

    [Fact]
    public async Task A_site_recorded_by_p_code_alone_is_placed_later_by_its_coordinates_only_and_not_outside_the_country()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var created = await Client.CreateSiteAsync(CreateSite("sevare"));
        Assert.Null(created.Location.Coordinates);

        var change = created.Clone();
        change.Location.Coordinates = new LatLng { Latitude = 13.51, Longitude = 2.11 };
        await RpcAssert.InvalidArgument(() => Client.UpdateSiteAsync(new UpdateSiteRequest
        {
            Site = change, UpdateMask = new FieldMask { Paths = { "location.coordinates" } }, RequestId = NewId(),
        }).ResponseAsync, "site.location.coordinates");
        Assert.Null((await Client.GetSiteAsync(new GetSiteRequest { Name = created.Name })).Location.Coordinates);

        change.Location.Coordinates = Sevare;
        change.Location.Locality = "ignored: not in the mask";
        var placed = await Client.UpdateSiteAsync(new UpdateSiteRequest
        {
            Site = change, UpdateMask = new FieldMask { Paths = { "location.coordinates" } }, RequestId = NewId(),
        });

        Assert.Equal(Sevare, placed.Location.Coordinates);
        Assert.Equal(created.Location.Locality, placed.Location.Locality);
    }
}
