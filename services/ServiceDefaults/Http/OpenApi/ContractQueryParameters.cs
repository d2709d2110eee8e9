using Google.Protobuf.Reflection;
using Microsoft.OpenApi;

namespace MissionOps.ServiceDefaults.Http.OpenApi;

/// <summary>
/// The request fields that neither the path nor the body carries, as query parameters by their proto names
/// (<c>site_id</c>, <c>request_id</c>), a message's fields by dotted path (<c>filter.kind</c>), as JSON transcoding reads them.
/// </summary>
public static class ContractQueryParameters
{
    /// <summary>Deep enough for every request of the contracts; a message that holds itself stops there.</summary>
    private const int MaxDepth = 4;

    private static readonly HashSet<string> ScalarLike =
    [
        "google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.FieldMask",
        "google.protobuf.StringValue", "google.protobuf.BoolValue", "google.protobuf.Int32Value", "google.protobuf.Int64Value",
        "google.protobuf.UInt32Value", "google.protobuf.UInt64Value", "google.protobuf.FloatValue", "google.protobuf.DoubleValue",
    ];

    public static IEnumerable<OpenApiParameter> Of(ContractOperation operation, ContractSchemas schemas)
    {
        var body = operation.Rule.Body;
        if (body == "*")
        {
            return [];
        }

        var bound = operation.Path.Variables.Select(v => v.FieldPath).Append(body).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        return Leaves(operation.Method.InputType, prefix: "", bound, depth: 0).Select(field => new OpenApiParameter
        {
            Name = field.Path,
            In = ParameterLocation.Query,
            Description = ContractComments.Of(field.Field),
            Schema = schemas.Field(field.Field),
            Style = ParameterStyle.Form,
            Explode = true,
        });
    }

    private static IEnumerable<(string Path, FieldDescriptor Field)> Leaves(MessageDescriptor message, string prefix, HashSet<string> bound, int depth)
    {
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var path = prefix + field.Name;
            if (bound.Contains(path) || field.IsMap)
            {
                continue;
            }

            if (field.FieldType != FieldType.Message || ScalarLike.Contains(field.MessageType.FullName))
            {
                yield return (path, field);
            }
            else if (!field.IsRepeated && depth < MaxDepth)
            {
                foreach (var leaf in Leaves(field.MessageType, path + ".", bound, depth + 1))
                {
                    yield return leaf;
                }
            }
        }
    }
}
