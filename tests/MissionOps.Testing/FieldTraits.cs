using Google.Api;
using Google.Protobuf.Reflection;

namespace MissionOps.Testing;

/// <summary>What the contract's annotations and names say about a field.</summary>
public static class FieldTraits
{
    private static readonly string[] NameFields = ["parent", "name", "mission"];

    private static readonly string[] ReferenceNames = ["site", "phase", "unit", "person", "project", "asset", "region", "movement", "case"];

    public static bool IsOutputOnly(FieldDescriptor field) => Behaviours(field).Contains(FieldBehavior.OutputOnly);

    public static bool IsIdentifier(FieldDescriptor field) => Behaviours(field).Contains(FieldBehavior.Identifier);

    /// <summary>The resource type the field names (<c>missionops.un.org/Site</c>), when the contract says so.</summary>
    public static string? ReferencedType(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(ResourceExtensions.ResourceReference) is { } reference
            ? (string.IsNullOrEmpty(reference.Type) ? reference.ChildType : reference.Type) is { Length: > 0 } type ? type : null
            : null;

    /// <summary>
    /// A string naming another resource: annotated as a reference, called after one (<c>parent</c>, <c>origin_site</c>),
    /// or holding a name (<c>missions/…</c>) in the valid request.
    /// </summary>
    public static bool IsReference(FieldDescriptor field, object? value) =>
        field.FieldType == FieldType.String
        && (ReferencedType(field) is not null
            || value is string s && s.StartsWith("missions/", StringComparison.Ordinal)
            || NameFields.Contains(field.Name)
            || ReferenceNames.Any(n => field.Name == n || field.Name.EndsWith("_" + n, StringComparison.Ordinal)));

    public static bool IsCurrencyCode(FieldDescriptor field) =>
        field.FieldType == FieldType.String && field.Name.EndsWith("currency_code", StringComparison.Ordinal);

    public static bool IsCountryCode(FieldDescriptor field) =>
        field.FieldType == FieldType.String && field.Name.Contains("country", StringComparison.Ordinal);

    /// <summary>The pattern of the resource type a reference names (<c>missions/{mission}/sites/{site}</c>), from the contract's messages.</summary>
    public static string? PatternOf(FileDescriptor file, string type) =>
        Files(file).SelectMany(f => f.MessageTypes)
            .Select(m => m.GetOptions()?.GetExtension(ResourceExtensions.Resource))
            .FirstOrDefault(r => r?.Type == type)?.Pattern.FirstOrDefault();

    private static IEnumerable<FileDescriptor> Files(FileDescriptor file) =>
        new[] { file }.Concat(file.Dependencies.SelectMany(Files)).DistinctBy(f => f.Name);

    private static IReadOnlyList<FieldBehavior> Behaviours(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior) is { } behaviours ? behaviours : [];
}
