using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using MissionOps.Common.V1;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// The fields the contracts mark <c>(missionops.common.v1.personal)</c>: found in an answer, and
/// emptied from it for a caller without a need to know, in one place for every RPC. A
/// <c>google.protobuf.Any</c> (an event's payload, an audit entry's images) is looked inside:
/// unpacked with the service's own message types, walked, and packed again when something was
/// emptied. An Any of a type the service does not know cannot be looked inside, so it counts as
/// holding personal data: audited when read, emptied (its type kept) for a caller without a need to know.
/// </summary>
public static class PersonalData
{
    private static readonly ConcurrentDictionary<MessageDescriptor, bool> Reaches = new();
    private static readonly ConcurrentDictionary<FileDescriptor, TypeRegistry> Registries = new();

    public static bool IsPersonal(FieldDescriptor field) => field.GetOptions()?.GetExtension(PersonalDataExtensions.Personal) == true;

    /// <summary>True when the answer holds a personal field that is set, inside an Any too.</summary>
    public static bool Holds(IMessage message, TypeRegistry? types = null) => Walk(message, types, clear: false);

    /// <summary>Empties every personal field of the answer, however deep and inside an Any too; true when there was one to empty.</summary>
    public static bool Redact(IMessage message, TypeRegistry? types = null) => Walk(message, types, clear: true);

    /// <summary>
    /// The message types a service can pack in an Any: those of the contract that defines the
    /// message (a service's request, so its service file), of every file it imports, and of every
    /// other file of its package built with it: the events of a feed are in events.proto, which
    /// the service file does not import.
    /// </summary>
    public static TypeRegistry TypesOf(IMessage message) =>
        Registries.GetOrAdd(message.Descriptor.File, (file, assembly) => TypeRegistry.FromFiles([file, .. PackageFiles(file.Package, assembly)]),
            message.GetType().Assembly);

    /// <summary>The files of a package generated into an assembly, each found by its <c>XxxReflection.Descriptor</c>.</summary>
    private static IEnumerable<FileDescriptor> PackageFiles(string package, Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true, ContainsGenericParameters: false })
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package == package);

    /// <summary>
    /// Whether a message of this type can hold a personal field at all: most answers cannot, and are
    /// not walked. One that holds an Any can, whatever it carries.
    /// </summary>
    public static bool CanHold(MessageDescriptor type) => Reaches.GetOrAdd(type, t => Search(t, []));

    private static bool IsAny(MessageDescriptor type) => type.FullName == Any.Descriptor.FullName;

    private static bool Search(MessageDescriptor type, HashSet<MessageDescriptor> seen) =>
        seen.Add(type) && (IsAny(type) || type.Fields.InDeclarationOrder().Any(f => IsPersonal(f)
            || (f.FieldType == FieldType.Message && !f.IsMap && Search(f.MessageType, seen))));

    private static bool Walk(IMessage message, TypeRegistry? types, bool clear)
    {
        if (message is Any any)
        {
            return WalkInside(any, types, clear);
        }

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
                    found |= Walk(child, types, clear);
                    if (found && !clear)
                    {
                        return true;
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Unpacks the Any with the service's types, walks what it holds and, when something was emptied, packs it again under the same type URL.</summary>
    private static bool WalkInside(Any any, TypeRegistry? types, bool clear)
    {
        if (any.TypeUrl.Length == 0 && any.Value.IsEmpty)
        {
            return false;
        }

        if (types?.Find(Any.GetTypeName(any.TypeUrl)) is not { Parser: not null } type)
        {
            if (clear)
            {
                any.Value = ByteString.Empty;
            }

            return true;
        }

        if (!CanHold(type))
        {
            return false;
        }

        var inside = type.Parser.ParseFrom(any.Value);
        var found = Walk(inside, types, clear);
        if (found && clear)
        {
            any.Value = inside.ToByteString();
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
