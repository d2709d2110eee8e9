using System.Text.Unicode;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace MissionOps.ServiceDefaults.Contracts.Decoding;

/// <summary>
/// Finds, in a message's encoded bytes, the string field whose bytes are not UTF-8 (an unpaired
/// surrogate sent by a client that does not check), so that the refusal can name it: once
/// Google.Protobuf has refused the message, no decoded field is left to name.
/// </summary>
public static class WireText
{
    /// <summary>The proto path of the first such field (<c>rows[3].full_name</c>), or null when every string is UTF-8.</summary>
    public static string? FindInvalidUtf8(MessageDescriptor type, ReadOnlySpan<byte> message)
    {
        try
        {
            return Find(new CodedInputStream(message.ToArray()), type, string.Empty);
        }
        catch (InvalidProtocolBufferException)
        {
            // The bytes are not a message at all; the caller says so without a field.
            return null;
        }
    }

    private static string? Find(CodedInputStream input, MessageDescriptor type, string prefix)
    {
        var occurrences = new Dictionary<int, int>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = type.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
            if (field is null || WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited
                || field.FieldType is not (FieldType.String or FieldType.Message))
            {
                input.SkipLastField();
                continue;
            }

            var path = prefix + field.Name;
            if (field.IsRepeated && !field.IsMap)
            {
                var index = occurrences.GetValueOrDefault(field.FieldNumber);
                occurrences[field.FieldNumber] = index + 1;
                path = $"{path}[{index}]";
            }

            var bytes = input.ReadBytes();
            var found = field.FieldType == FieldType.String
                ? Utf8.IsValid(bytes.Span) ? null : path
                : Find(new CodedInputStream(bytes.ToByteArray()), field.MessageType, path + ".");
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
