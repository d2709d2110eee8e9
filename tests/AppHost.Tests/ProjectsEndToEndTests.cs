using System.Xml;
using System.Xml.Schema;
using MissionOps.Projects.V1;

namespace MissionOps.AppHost.Tests;

[Collection(SystemCollection.Name)]
public sealed class ProjectsEndToEndTests(MissionOpsSystem system)
{
    private const string Minusma = "missions/minusma";

    private ProjectsService.ProjectsServiceClient Projects => new(system.Channel("projects"));

    [Fact]
    public async Task The_IATI_export_of_MINUSMA_projects_validates()
    {
        var export = await Projects.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest { Parent = Minusma });

        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Iati", "iati-activities-schema.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using (var reader = XmlReader.Create(new MemoryStream(export.Xml.ToByteArray()), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.True(export.ActivityCount >= 10, $"{export.ActivityCount} activities exported");
        Assert.Empty(errors);
        Assert.Contains("<reporting-org ref=\"XX-DEMO-MINUSMA\"", export.Xml.ToStringUtf8());
    }

    [Fact]
    public async Task No_project_at_Sevare_is_still_in_implementation_without_a_handover()
    {
        var open = await Projects.ListOpenProjectsAsync(new ListOpenProjectsRequest { Parent = Minusma, Site = $"{Minusma}/sites/sevare" });
        var all = await Projects.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma, Site = $"{Minusma}/sites/sevare" });

        Assert.Empty(open.Projects);
        Assert.NotEmpty(all.Projects);
    }
}
