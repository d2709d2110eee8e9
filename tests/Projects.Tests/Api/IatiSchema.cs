using System.Xml;
using System.Xml.Schema;

namespace MissionOps.Projects.Tests.Api;

/// <summary>The IATI 2.03 activities schema, shipped with the service, as a partner's validator applies it.</summary>
internal static class IatiSchema
{
    /// <summary>Every error the schema finds in a document.</summary>
    public static List<string> Errors(byte[] xml)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Iati", "iati-activities-schema.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}
