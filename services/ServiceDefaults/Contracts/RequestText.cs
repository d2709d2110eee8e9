using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>
/// Puts every string field of a request message, however deep, through <see cref="TextInput"/>:
/// each refused one is named by its proto path (<c>site.display_name.fr</c>,
/// <c>project.sectors[2].name</c>) and the others are normalised in place, so no endpoint,
/// filter or mapping can read text that skipped the rule.
/// </summary>
public sealed class RequestText
{
    // A stream numbers repeated elements across its messages (manifest rows), as its errors name them.
    private readonly Dictionary<string, int> _seen = [];

    public IReadOnlyList<FieldViolation> Check(IMessage message)
    {
        var violations = new List<FieldViolation>();
        Visit(message, string.Empty, violations);
        return violations;
    }

    private void Visit(IMessage message, string prefix, List<FieldViolation> violations)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var path = prefix + field.Name;
            if (field.IsMap)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                VisitRepeated(field, (IList)field.Accessor.GetValue(message), path, violations);
            }
            else if (field.FieldType == FieldType.String)
            {
                var text = (string)field.Accessor.GetValue(message);
                if (Taken(text, path, violations) is { } normalized)
                {
                    field.Accessor.SetValue(message, normalized);
                }
            }
            else if (field.FieldType == FieldType.Message && field.Accessor.GetValue(message) is IMessage child)
            {
                Visit(child, path + ".", violations);
            }
        }
    }

    private void VisitRepeated(FieldDescriptor field, IList items, string path, List<FieldViolation> violations)
    {
        var offset = _seen.GetValueOrDefault(path);
        _seen[path] = offset + items.Count;
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{offset + i}]";
            if (items[i] is string text)
            {
                if (Taken(text, itemPath, violations) is { } normalized)
                {
                    items[i] = normalized;
                }
            }
            else if (items[i] is IMessage child)
            {
                Visit(child, itemPath + ".", violations);
            }
        }
    }

    /// <summary>The normalised text when it differs from what was sent; null when unchanged or refused.</summary>
    private static string? Taken(string text, string path, List<FieldViolation> violations)
    {
        if (TextInput.Refusal(text) is { } refusal)
        {
            violations.Add(new FieldViolation(path, refusal));
            return null;
        }

        var normalized = TextInput.Normalized(text);
        return ReferenceEquals(normalized, text) ? null : normalized;
    }
}
