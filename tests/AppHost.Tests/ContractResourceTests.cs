using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// The contracts as a partner's tools read them (AIP-122, AIP-123): every field that holds a resource name says
/// which resource it names, and every resource type named is defined where the field's package can see it.
/// Derived from the generated descriptors, so a new field is held to it as soon as it exists.
/// </summary>
public sealed class ContractResourceTests
{
    /// <summary>The string fields that hold resource names, by their name.</summary>
    private static readonly Regex NameField = new("^(name|parent|mission|resource|person|unit|asset|disposal_case|drawdown_phase|replaced_by|.*site)$");

    private static readonly IReadOnlyList<FileDescriptor> Files =
    [
        .. new[]
        {
            Sites.V1.SitesServiceReflection.Descriptor, Personnel.V1.PersonnelServiceReflection.Descriptor,
            Projects.V1.ProjectsServiceReflection.Descriptor, Liquidation.V1.LiquidationServiceReflection.Descriptor,
        }.SelectMany(WithDependencies).Where(f => f.Package.StartsWith("missionops.", StringComparison.Ordinal)).Distinct(),
    ];

    [Fact]
    public void Every_field_that_holds_a_resource_name_says_which_resource()
    {
        var unnamed = Fields()
            .Where(f => f.FieldType == FieldType.String && NameField.IsMatch(f.Name) && !IsIdentifier(f) && Reference(f) is null)
            .Select(f => f.FullName);

        Assert.Empty(unnamed);
    }

    [Fact]
    public void Every_resource_type_a_field_names_is_defined_where_its_package_sees_it()
    {
        var undefined = Fields()
            .Where(f => Reference(f) is { } reference && TypeOf(reference) != "*" && !DefinedFor(f.File.Package).Contains(TypeOf(reference)))
            .Select(f => $"{f.FullName}: {TypeOf(Reference(f)!)}");

        Assert.Empty(undefined);
    }

    private static IEnumerable<FileDescriptor> WithDependencies(FileDescriptor file) => [file, .. file.Dependencies.SelectMany(WithDependencies)];

    private static IEnumerable<FieldDescriptor> Fields() => Files.SelectMany(f => f.MessageTypes).SelectMany(Nested).SelectMany(m => m.Fields.InDeclarationOrder());

    private static IEnumerable<MessageDescriptor> Nested(MessageDescriptor message) => [message, .. message.NestedTypes.SelectMany(Nested)];

    private static bool IsIdentifier(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior)?.Contains(FieldBehavior.Identifier) == true;

    private static ResourceReference? Reference(FieldDescriptor field) => field.GetOptions()?.GetExtension(ResourceExtensions.ResourceReference);

    private static string TypeOf(ResourceReference reference) => reference.Type.Length > 0 ? reference.Type : reference.ChildType;

    /// <summary>The resource types a package defines (its messages') and declares (its files' and their imports' resource_definition).</summary>
    private static HashSet<string> DefinedFor(string package)
    {
        var files = Files.Where(f => f.Package == package).SelectMany(WithDependencies).Distinct().ToList();
        return
        [
            .. files.Where(f => f.Package == package).SelectMany(f => f.MessageTypes).SelectMany(Nested)
                .Select(m => m.GetOptions()?.GetExtension(ResourceExtensions.Resource)?.Type).OfType<string>(),
            .. files.SelectMany(f => f.GetOptions()?.GetExtension(ResourceExtensions.ResourceDefinition) ?? []).Select(d => d.Type),
        ];
    }
}
