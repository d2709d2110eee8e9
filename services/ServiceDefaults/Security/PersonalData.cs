using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using MissionOps.Common.V1;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// The fields the contracts mark <c>(missionops.common.v1.personal)</c>: found in an answer, and
/// emptied from it for a caller without a need to know, in one place for every RPC.
/// </summary>
public static class PersonalData
{
    private static readonly ConcurrentDictionary<MessageDescriptor, bool> Reaches = new();

    public static bool IsPersonal(FieldDescriptor field) => field.GetOptions()?.GetExtension(PersonalDataExtensions.Personal) == true;

    /// <summary>True when the answer holds a personal field that is set.</summary>
    public static bool Holds(IMessage message) => Walk(message, clear: false);

    /// <summary>Empties every personal field of the answer, however deep; true when there was one to empty.</summary>
    public static bool Redact(IMessage message) => Walk(message, clear: true);

    /// <summary>Whether a message of this type can hold a personal field at all: most answers cannot, and are not walked.</summary>
    public static bool CanHold(MessageDescriptor type) => Reaches.GetOrAdd(type, t => Search(t, []));

    private static bool Search(MessageDescriptor type, HashSet<MessageDescriptor> seen) =>
        seen.Add(type) && type.Fields.InDeclarationOrder().Any(f => IsPersonal(f)
            || (f.FieldType == FieldType.Message && !f.IsMap && Search(f.MessageType, seen)));

    private static bool Walk(IMessage message, bool clear)
    {
        if (!CanHold(message.Descriptor))
        {
            return false;
        }

        var found = false;
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (IsPersonal(field))
            {
                if (IsSet(field, message))
                {
                    found = true;
                    if (clear)
                    {
                        field.Accessor.Clear(message);
                    }
                }
            }
            else if (field.FieldType == FieldType.Message && !field.IsMap && CanHold(field.MessageType))
            {
                var value = field.Accessor.GetValue(message);
                var children = field.IsRepeated ? ((IEnumerable)value).Cast<IMessage>() : value is IMessage one ? [one] : [];
                foreach (var child in children)
                {
                    found |= Walk(child, clear);
                    if (found && !clear)
                    {
                        return true;
                    }
                }
            }
        }

        return found;
    }

    private static bool IsSet(FieldDescriptor field, IMessage message) => field.Accessor.GetValue(message) switch
    {
        null => false,
        string text => text.Length > 0,
        IList list => list.Count > 0,
        ByteString bytes => !bytes.IsEmpty,
        _ => true,
    };
}
