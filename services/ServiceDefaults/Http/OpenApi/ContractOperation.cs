using Google.Api;
using Google.Protobuf.Reflection;

namespace MissionOps.ServiceDefaults.Http.OpenApi;

/// <summary>One HTTP binding of an RPC: its verb, its rule's path template and the rule itself (additional bindings included).</summary>
public sealed record ContractOperation(MethodDescriptor Method, HttpRule Rule, HttpMethod Verb, HttpPathTemplate Path)
{
    /// <summary>Every binding of every RPC of the service, in the contract's order.</summary>
    public static IEnumerable<ContractOperation> Of(ServiceDescriptor service) =>
        service.Methods.SelectMany(method => ContractDescriptors.HttpRule(method) is { } rule
            ? new[] { rule }.Concat(rule.AdditionalBindings).Select(binding => Bind(method, binding))
            : []);

    private static ContractOperation Bind(MethodDescriptor method, HttpRule rule)
    {
        var (verb, path) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
            HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
            HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
            HttpRule.PatternOneofCase.Custom => (new HttpMethod(rule.Custom.Kind), rule.Custom.Path),
            _ => throw new InvalidOperationException($"{method.FullName} has an HTTP rule without a path."),
        };
        return new ContractOperation(method, rule, verb, HttpPathTemplate.Parse(path));
    }

    /// <summary>The field a dotted path of the request names, e.g. <c>site.name</c>.</summary>
    public static FieldDescriptor FieldAt(MessageDescriptor message, string path)
    {
        FieldDescriptor? field = null;
        foreach (var part in path.Split('.'))
        {
            field = (field?.MessageType ?? message).FindFieldByName(part)
                ?? throw new InvalidOperationException($"{message.FullName} has no field {path}.");
        }

        return field!;
    }
}
