using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace MissionOps.ServiceDefaults.Security;

/// <summary>
/// Where a request names the mission it touches: the first resource name in it
/// (<c>missions/{mission}/...</c>) or its <c>mission_id</c>, with the path of that field so a
/// refusal can name it.
/// </summary>
public static class RequestMission
{
    public static (string Field, string MissionId)? Find(IMessage message, string prefix = "")
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsRepeated || field.IsMap)
            {
                continue;
            }

            if (field.FieldType == FieldType.String && field.Accessor.GetValue(message) is string { Length: > 0 } value)
            {
                if (value.StartsWith("missions/", StringComparison.Ordinal))
                {
                    return (prefix + field.Name, value.Split('/')[1]);
                }

                if (field.Name == "mission_id")
                {
                    return (prefix + field.Name, value);
                }
            }
            else if (field.FieldType == FieldType.Message && field.Accessor.GetValue(message) is IMessage nested
                && Find(nested, $"{prefix}{field.Name}.") is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
