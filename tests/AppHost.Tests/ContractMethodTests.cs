using Google.Api;
using Google.Protobuf.Reflection;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// The standard methods as a partner's generated client expects them (AIP-131, 132, 158, 164): derived from the
/// services' descriptors, so a new resource or List is held to them as soon as it exists.
/// </summary>
public sealed class ContractMethodTests
{
    private static readonly ServiceDescriptor[] Services =
    [
        Sites.V1.SitesService.Descriptor, Personnel.V1.PersonnelService.Descriptor,
        Projects.V1.ProjectsService.Descriptor, Liquidation.V1.LiquidationService.Descriptor,
    ];

    [Fact]
    public void Every_resource_a_service_answers_with_has_a_Get()
    {
        var missing = Services.SelectMany(s => Resources(s).Where(r => s.FindMethodByName($"Get{r.Name}")?.OutputType != r)
            .Select(r => $"{s.Name}.Get{r.Name}"));

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_List_is_paginated()
    {
        var unpaged = Services.SelectMany(s => s.Methods).Where(m => m.Name.StartsWith("List", StringComparison.Ordinal))
            .Where(m => m.InputType.FindFieldByName("page_size")?.FieldType != FieldType.Int32
                || m.InputType.FindFieldByName("page_token")?.FieldType != FieldType.String
                || m.OutputType.FindFieldByName("next_page_token")?.FieldType != FieldType.String)
            .Select(m => m.FullName);

        Assert.Empty(unpaged);
    }

    [Fact]
    public void Every_soft_delete_keeps_the_resource_readable_and_undeletable()
    {
        var deletes = Services.SelectMany(s => s.Methods.Where(m => m.Name.StartsWith("Delete", StringComparison.Ordinal)).Select(m => (Service: s, Method: m))).ToList();

        Assert.NotEmpty(deletes);
        Assert.All(deletes, d =>
        {
            var resource = d.Method.OutputType;
            Assert.Equal($"Delete{resource.Name}", d.Method.Name);
            Assert.Equal(resource, d.Service.FindMethodByName($"Undelete{resource.Name}")?.OutputType);
            Assert.Equal(FieldType.Message, resource.FindFieldByName("delete_time")?.FieldType);
            var list = d.Service.Methods.Single(m => m.Name.StartsWith("List", StringComparison.Ordinal)
                && m.OutputType.Fields.InDeclarationOrder().Any(f => f.IsRepeated && f.MessageType == resource));
            Assert.Equal(FieldType.Bool, list.InputType.FindFieldByName("show_deleted")?.FieldType);
        });
    }

    /// <summary>The messages of the service's own package that are resources (AIP-123) and that some method answers with.</summary>
    private static IEnumerable<MessageDescriptor> Resources(ServiceDescriptor service) =>
        service.Methods.Select(m => m.OutputType)
            .Concat(service.Methods.SelectMany(m => m.OutputType.Fields.InDeclarationOrder()).Where(f => f.FieldType == FieldType.Message).Select(f => f.MessageType))
            .Where(m => m.File.Package == service.File.Package && m.GetOptions()?.GetExtension(ResourceExtensions.Resource) is not null)
            .Distinct();
}
