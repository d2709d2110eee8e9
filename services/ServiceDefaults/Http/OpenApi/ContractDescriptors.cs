using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace MissionOps.ServiceDefaults.Http.OpenApi;

/// <summary>
/// The contracts as protoc compiled them with their comments (the descriptor set embedded in MissionOps.Client), read
/// with the <c>google.api.http</c> and <c>field_behavior</c> options: what the generated code's own descriptors lack.
/// </summary>
public static class ContractDescriptors
{
    private const string ResourceName = "MissionOps.Contracts.binpb";

    private static readonly Lazy<IReadOnlyList<FileDescriptor>> Files = new(Load);

    /// <summary>The service of that full name, e.g. <c>missionops.sites.v1.SitesService</c>, with its comments.</summary>
    public static ServiceDescriptor Service(string fullName) =>
        Files.Value.SelectMany(f => f.Services).SingleOrDefault(s => s.FullName == fullName)
        ?? throw new InvalidOperationException($"The contracts' descriptor set has no service {fullName}.");

    /// <summary>The message of that full name, e.g. <c>google.rpc.Status</c>.</summary>
    public static MessageDescriptor Message(string fullName) =>
        Files.Value.SelectMany(f => f.MessageTypes).FirstOrDefault(m => m.FullName == fullName)
        ?? throw new InvalidOperationException($"The contracts' descriptor set has no message {fullName}.");

    public static HttpRule? HttpRule(MethodDescriptor method) => method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);

    public static bool Has(FieldDescriptor field, FieldBehavior behavior) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior)?.Contains(behavior) == true;

    private static IReadOnlyList<FileDescriptor> Load()
    {
        using var stream = typeof(Sites.V1.SitesService).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"MissionOps.Client carries no {ResourceName}.");
        var set = FileDescriptorSet.Parser.ParseFrom(stream);
        var registry = new ExtensionRegistry { AnnotationsExtensions.Http, FieldBehaviorExtensions.FieldBehavior };
        return FileDescriptor.BuildFromByteStrings(set.File.Select(f => f.ToByteString()), registry);
    }
}
