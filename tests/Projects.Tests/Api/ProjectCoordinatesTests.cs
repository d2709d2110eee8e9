using System.Xml.Linq;
using Google.Type;
using MissionOps.Projects.V1;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

/// <summary>A project's point: kept as given, published as IATI's point, and only ever inside its region's country.</summary>
public sealed class ProjectCoordinatesTests(ProjectsApp app) : ProjectsApiTest(app)
{
    [Fact]
    public async Task A_school_placed_at_sevare_reads_back_there_and_the_iati_export_gives_its_point()
    {
        var request = CreateSchool();
        request.Project.Locations[0].Coordinates = new LatLng { Latitude = 14.53, Longitude = -4.1 };

        var created = await Client.CreateProjectAsync(request);

        Assert.Equal(new LatLng { Latitude = 14.53, Longitude = -4.1 }, created.Locations[0].Coordinates);
        var export = await Client.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest { Parent = Minusma });
        Assert.Empty(IatiSchema.Errors(export.Xml.ToByteArray()));
        var location = XDocument.Load(new MemoryStream(export.Xml.ToByteArray())).Root!.Element("iati-activity")!.Element("location")!;
        var point = location.Element("point")!;
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/4326", point.Attribute("srsName")!.Value);
        Assert.Equal("14.53 -4.1", point.Element("pos")!.Value);
        Assert.Equal("1", location.Element("exactness")!.Attribute("code")!.Value);
    }

    [Fact]
    public async Task A_point_in_niger_for_a_project_in_mopti_is_refused_naming_the_location_and_nothing_is_stored()
    {
        var request = CreateSchool();
        request.Project.Locations[0].Coordinates = new LatLng { Latitude = 13.51, Longitude = 2.11 };

        var violations = await RpcAssert.InvalidArgument(() => Client.CreateProjectAsync(request).ResponseAsync, "project.locations[0].coordinates");

        Assert.Contains("outside ML", violations[0].Description, StringComparison.Ordinal);
        Assert.Empty((await Client.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma })).Projects);
    }

    [Fact]
    public async Task Coordinates_without_a_region_to_place_them_in_are_refused()
    {
        var request = CreateSchool();
        request.Project.Locations[0].RegionPcode = string.Empty;
        request.Project.Locations[0].Coordinates = new LatLng { Latitude = 14.53, Longitude = -4.1 };

        await RpcAssert.InvalidArgument(() => Client.CreateProjectAsync(request).ResponseAsync, "project.locations[0].region_pcode");
    }
}
