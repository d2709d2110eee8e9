using System.Collections.Concurrent;
using Google.Protobuf.Reflection;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>Where in a request an attribute of the domain travels: <c>opening_date</c> is <c>site.opening_date</c> in CreateSiteRequest.</summary>
public static class RequestFields
{
    private const int MaxDepth = 4;

    private static readonly ConcurrentDictionary<(MessageDescriptor, string), string?> Paths = new();

    /// <summary>The shortest field path of the request ending with the attribute's path; null when the request has none.</summary>
    public static string? PathOf(MessageDescriptor request, string attribute) =>
        Paths.GetOrAdd((request, attribute), key => Find(key.Item1, key.Item2));

    private static string? Find(MessageDescriptor request, string attribute)
    {
        var level = new List<(MessageDescriptor Type, string Path)> { (request, string.Empty) };
        for (var depth = 0; depth < MaxDepth && level.Count > 0; depth++)
        {
            var next = new List<(MessageDescriptor, string)>();
            foreach (var (type, path) in level)
            {
                foreach (var field in type.Fields.InFieldNumberOrder())
                {
                    var fieldPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
                    if (fieldPath == attribute || fieldPath.EndsWith("." + attribute, StringComparison.Ordinal))
                    {
                        return fieldPath;
                    }

                    if (field is { FieldType: FieldType.Message, IsRepeated: false, IsMap: false })
                    {
                        next.Add((field.MessageType, fieldPath));
                    }
                }
            }

            level = next;
        }

        return null;
    }
}
