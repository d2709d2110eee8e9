using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace MissionOps.Testing;

/// <summary>
/// A place in a request where a bad value can go: a field, or one element of a repeated field, named
/// by its path as a service names it in a BadRequest (<c>project.budgets[0].amount</c>).
/// </summary>
public sealed record FieldSlot(int Message, string Path, FieldDescriptor Field, object? Value, Action<object> Set)
{
    public const string MoneyType = "missionops.common.v1.Money";
    public const string DateType = "google.type.Date";

    /// <summary>
    /// Every slot of the messages a call sends, in one fixed order: the same messages, cloned, give the same
    /// slots. Nested messages are walked where present; what the caller cannot set (output only, a create's
    /// own name) is left out, and so is, in an update, any field of the resource its mask does not name.
    /// </summary>
    public static IReadOnlyList<FieldSlot> Of(MethodDescriptor method, IReadOnlyList<IMessage> messages)
    {
        var slots = new List<FieldSlot>();
        for (var i = 0; i < messages.Count; i++)
        {
            var masked = MaskOf(messages[i]);
            Walk(slots, i, messages[i], prefix: string.Empty, path => masked?.Invoke(path) ?? true, method.Name.StartsWith("Create", StringComparison.Ordinal));
        }

        return slots;
    }

    private static void Walk(List<FieldSlot> slots, int index, IMessage message, string prefix, Func<string, bool> include, bool creating)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            if (field.IsMap || !include(path) || FieldTraits.IsOutputOnly(field) || (creating && FieldTraits.IsIdentifier(field)))
            {
                continue;
            }

            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = 0; i < Math.Min(list.Count, 2); i++)
                {
                    var at = i;
                    Visit(slots, index, $"{path}[{i}]", field, list[i], value => list[at] = value, include, creating);
                }
            }
            else
            {
                Visit(slots, index, path, field, field.Accessor.GetValue(message), value => field.Accessor.SetValue(message, value), include, creating);
            }
        }
    }

    private static void Visit(List<FieldSlot> slots, int index, string path, FieldDescriptor field, object? value, Action<object> set,
        Func<string, bool> include, bool creating)
    {
        if (field.FieldType != FieldType.Message || field.MessageType.FullName is MoneyType or DateType)
        {
            slots.Add(new FieldSlot(index, path, field, value, set));
        }
        else if (value is IMessage nested && !field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal))
        {
            Walk(slots, index, nested, path + ".", include, creating);
        }
    }

    /// <summary>In an update, which paths of the resource its <c>update_mask</c> lets change (its name and etag always).</summary>
    private static Func<string, bool>? MaskOf(IMessage request)
    {
        if (request.Descriptor.FindFieldByName("update_mask") is not { } maskField
            || maskField.Accessor.GetValue(request) is not Google.Protobuf.WellKnownTypes.FieldMask mask)
        {
            return null;
        }

        var resources = request.Descriptor.Fields.InFieldNumberOrder()
            .Where(f => f.FieldType == FieldType.Message && f != maskField).Select(f => f.Name + ".").ToList();
        return path =>
        {
            var resource = resources.FirstOrDefault(r => path.StartsWith(r, StringComparison.Ordinal));
            if (resource is null)
            {
                return true;
            }

            var inner = path[resource.Length..];
            return inner is "name" or "etag" || mask.Paths.Any(p => inner == p || inner.StartsWith(p + ".", StringComparison.Ordinal)
                || inner.StartsWith(p + "[", StringComparison.Ordinal) || p.StartsWith(inner + ".", StringComparison.Ordinal));
        };
    }
}
