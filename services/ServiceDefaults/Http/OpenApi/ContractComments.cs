using Google.Protobuf.Reflection;

namespace MissionOps.ServiceDefaults.Http.OpenApi;

/// <summary>A contract element's proto comment as a description: its leading comment, else its trailing one, lines trimmed.</summary>
public static class ContractComments
{
    public static string Of(IDescriptor descriptor)
    {
        var declaration = descriptor switch
        {
            MessageDescriptor d => d.Declaration,
            FieldDescriptor d => d.Declaration,
            EnumDescriptor d => d.Declaration,
            EnumValueDescriptor d => d.Declaration,
            MethodDescriptor d => d.Declaration,
            ServiceDescriptor d => d.Declaration,
            _ => null,
        };
        var comment = declaration?.LeadingComments is { Length: > 0 } leading ? leading : declaration?.TrailingComments ?? string.Empty;
        return string.Join('\n', comment.Split('\n').Select(line => line.Trim())).Trim();
    }
}
