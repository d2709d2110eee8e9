using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi;

namespace MissionOps.ServiceDefaults.Http.OpenApi;

/// <summary>
/// The contracts' messages and enums as JSON Schema, by protobuf's JSON mapping as JSON transcoding writes it: lowerCamel
/// names, 64-bit integers as strings, enums by name, the well-known types as their JSON forms. Each message and enum is
/// one component named by its full name, its comments the descriptions.
/// </summary>
public sealed class ContractSchemas(OpenApiDocument document)
{
    private readonly IDictionary<string, IOpenApiSchema> _components = document.Components!.Schemas!;

    /// <summary>A message as a reference to its component, which is added with every type it uses.</summary>
    public IOpenApiSchema Message(MessageDescriptor message) => (IOpenApiSchema?)WellKnown(message) ?? Reference(message.FullName, () => Object(message, except: new HashSet<string>()));

    /// <summary>A message's JSON object without the fields the path already carries, for a body of <c>*</c>.</summary>
    public IOpenApiSchema MessageWithout(MessageDescriptor message, IReadOnlySet<string> except) =>
        except.Count == 0 ? Message(message) : Object(message, except);

    public IOpenApiSchema Field(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            return new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = Single(field.MessageType.FindFieldByNumber(2)),
            };
        }

        return field.IsRepeated ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = Single(field) } : Single(field);
    }

    private IOpenApiSchema Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Double => Scalar(JsonSchemaType.Number, "double"),
        FieldType.Float => Scalar(JsonSchemaType.Number, "float"),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Scalar(JsonSchemaType.Integer, "int32"),
        FieldType.UInt32 or FieldType.Fixed32 => Scalar(JsonSchemaType.Integer, "uint32"),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Scalar(JsonSchemaType.String, "int64"),
        FieldType.UInt64 or FieldType.Fixed64 => Scalar(JsonSchemaType.String, "uint64"),
        FieldType.Bool => Scalar(JsonSchemaType.Boolean, null),
        FieldType.String => Scalar(JsonSchemaType.String, null),
        FieldType.Bytes => Scalar(JsonSchemaType.String, "byte"),
        FieldType.Enum => Reference(field.EnumType.FullName, () => Enum(field.EnumType)),
        _ => Message(field.MessageType),
    };

    private OpenApiSchema Object(MessageDescriptor message, IReadOnlySet<string> except)
    {
        var fields = message.Fields.InDeclarationOrder().Where(f => !except.Contains(f.Name)).ToList();
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = ContractComments.Of(message),
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
        };
        foreach (var field in fields)
        {
            schema.Properties[field.JsonName] = Described(Field(field), field);
        }

        var required = fields.Where(f => ContractDescriptors.Has(f, FieldBehavior.Required)).Select(f => f.JsonName).ToHashSet(StringComparer.Ordinal);
        if (required.Count > 0)
        {
            schema.Required = required;
        }

        return schema;
    }

    /// <summary>The field's own comment on its schema; a reference keeps it beside the <c>$ref</c>, as OpenAPI 3.1 allows.</summary>
    private static IOpenApiSchema Described(IOpenApiSchema schema, FieldDescriptor field)
    {
        var description = ContractComments.Of(field);
        var outputOnly = ContractDescriptors.Has(field, FieldBehavior.OutputOnly);
        switch (schema)
        {
            case OpenApiSchemaReference reference:
                // A reference cannot be readOnly itself without making its target so everywhere.
                reference.Description = outputOnly ? $"{description} Output only: set by the service.".TrimStart() : description;
                return reference;
            case OpenApiSchema inline:
                inline.Description = description;
                inline.ReadOnly = outputOnly;
                return inline;
            default:
                return schema;
        }
    }

    private static OpenApiSchema Enum(EnumDescriptor descriptor) => new()
    {
        Type = JsonSchemaType.String,
        Enum = descriptor.Values.Select(v => (JsonNode)JsonValue.Create(v.Name)).ToList(),
        Description = string.Join("\n\n", new[] { ContractComments.Of(descriptor) }
            .Concat(descriptor.Values.Select(v => $"- `{v.Name}`: {ContractComments.Of(v)}".TrimEnd(' ', ':')))
            .Where(line => line.Length > 0)),
    };

    private OpenApiSchemaReference Reference(string name, Func<OpenApiSchema> build)
    {
        if (!_components.ContainsKey(name))
        {
            // Claimed before it is built, so a message that holds itself refers to itself.
            _components[name] = new OpenApiSchema();
            _components[name] = build();
        }

        return new OpenApiSchemaReference(name, document);
    }

    private static OpenApiSchema Scalar(JsonSchemaType type, string? format) => new() { Type = type, Format = format };

    private static OpenApiSchema? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => Scalar(JsonSchemaType.String, "date-time"),
        "google.protobuf.Duration" => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = @"^-?\d+(\.\d{1,9})?s$" },
        "google.protobuf.FieldMask" => new OpenApiSchema { Type = JsonSchemaType.String, Description = "Field paths, comma-separated." },
        "google.protobuf.Empty" => new OpenApiSchema { Type = JsonSchemaType.Object },
        "google.protobuf.Struct" => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = true },
        "google.protobuf.Value" => new OpenApiSchema(),
        "google.protobuf.ListValue" => new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema() },
        "google.protobuf.Any" => new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A message of the type its `@type` names, with that type's fields beside it.",
            Properties = new Dictionary<string, IOpenApiSchema> { ["@type"] = Scalar(JsonSchemaType.String, null) },
            AdditionalPropertiesAllowed = true,
        },
        "google.protobuf.StringValue" => Nullable(JsonSchemaType.String, null),
        "google.protobuf.BytesValue" => Nullable(JsonSchemaType.String, "byte"),
        "google.protobuf.BoolValue" => Nullable(JsonSchemaType.Boolean, null),
        "google.protobuf.Int32Value" => Nullable(JsonSchemaType.Integer, "int32"),
        "google.protobuf.UInt32Value" => Nullable(JsonSchemaType.Integer, "uint32"),
        "google.protobuf.Int64Value" => Nullable(JsonSchemaType.String, "int64"),
        "google.protobuf.UInt64Value" => Nullable(JsonSchemaType.String, "uint64"),
        "google.protobuf.FloatValue" => Nullable(JsonSchemaType.Number, "float"),
        "google.protobuf.DoubleValue" => Nullable(JsonSchemaType.Number, "double"),
        _ => null,
    };

    private static OpenApiSchema Nullable(JsonSchemaType type, string? format) => Scalar(type | JsonSchemaType.Null, format);
}
