using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// Every RPC reachable over HTTP/JSON (AIP-127), derived from the services' descriptors, so a new RPC without its
/// <c>google.api.http</c> binding, or with one that cannot work, fails here before a partner finds it.
/// </summary>
public sealed partial class ContractHttpBindingTests
{
    private static readonly ServiceDescriptor[] Services =
    [
        Sites.V1.SitesService.Descriptor, Personnel.V1.PersonnelService.Descriptor,
        Projects.V1.ProjectsService.Descriptor, Liquidation.V1.LiquidationService.Descriptor,
    ];

    /// <summary>
    /// JSON transcoding binds no client-streaming method (it logs "Client and bidirectional streaming methods are not
    /// supported" and skips it), so the manifest import has no binding: over HTTP it is a CSV upload that Personnel
    /// streams to the RPC itself (<c>POST /v1/missions/{mission}/movements:importManifest</c>).
    /// </summary>
    private static readonly string[] GrpcOnly = ["missionops.personnel.v1.PersonnelService.ImportMovementManifest"];

    private static readonly string[] ReadPrefixes = ["Get", "List", "Watch", "Export"];

    private static IEnumerable<MethodDescriptor> Methods => Services.SelectMany(s => s.Methods);

    [Fact]
    public void Every_RPC_but_the_client_stream_has_an_HTTP_binding()
    {
        Assert.Equal(GrpcOnly, Methods.Where(m => Rule(m) is null).Select(m => m.FullName));
        Assert.All(GrpcOnly, name => Assert.True(Methods.Single(m => m.FullName == name).IsClientStreaming));
    }

    [Fact]
    public void Every_path_variable_and_body_is_a_field_of_the_request()
    {
        var bad = Bound().SelectMany(b => Variables(b.Path).Append(b.Rule.Body is "" or "*" ? null : b.Rule.Body).OfType<string>()
            .Where(field => FieldAt(b.Method.InputType, field) is null)
            .Select(field => $"{b.Method.FullName}: {field}"));

        Assert.Empty(bad);
    }

    [Fact]
    public void No_two_RPCs_of_a_service_share_a_verb_and_path()
    {
        var shared = Bound().GroupBy(b => (b.Method.Service, b.Verb, Template: VariablePattern().Replace(b.Path, v => v.Groups["pattern"].Success ? v.Groups["pattern"].Value : "*")))
            .Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(b => b.Method.Name)));

        Assert.Empty(shared);
    }

    [Fact]
    public void Reads_are_GET_without_a_body_and_changes_are_not_GET()
    {
        var wrong = Bound().Where(b => IsRead(b.Method) != (b.Verb == "GET") || (b.Verb is "GET" or "DELETE" && b.Rule.Body != ""))
            .Select(b => $"{b.Method.FullName}: {b.Verb} {b.Path}");

        Assert.Empty(wrong);
    }

    private static bool IsRead(MethodDescriptor method) => ReadPrefixes.Any(p => method.Name.StartsWith(p, StringComparison.Ordinal));

    private static HttpRule? Rule(MethodDescriptor method) => method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);

    private static IEnumerable<(MethodDescriptor Method, HttpRule Rule, string Verb, string Path)> Bound() =>
        Methods.Select(m => (Method: m, Rule: Rule(m))).Where(b => b.Rule is not null).Select(b => b.Rule!.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (b.Method, b.Rule, "GET", b.Rule.Get),
            HttpRule.PatternOneofCase.Post => (b.Method, b.Rule, "POST", b.Rule.Post),
            HttpRule.PatternOneofCase.Patch => (b.Method, b.Rule, "PATCH", b.Rule.Patch),
            HttpRule.PatternOneofCase.Put => (b.Method, b.Rule, "PUT", b.Rule.Put),
            HttpRule.PatternOneofCase.Delete => (b.Method, b.Rule, "DELETE", b.Rule.Delete),
            _ => (b.Method, b.Rule, b.Rule.Custom.Kind, b.Rule.Custom.Path),
        });

    private static IEnumerable<string> Variables(string path) => VariablePattern().Matches(path).Select(m => m.Groups["field"].Value);

    private static FieldDescriptor? FieldAt(MessageDescriptor message, string path)
    {
        FieldDescriptor? field = null;
        foreach (var part in path.Split('.'))
        {
            field = message?.FindFieldByName(part);
            message = field?.FieldType == FieldType.Message ? field.MessageType : null!;
            if (field is null)
            {
                return null;
            }
        }

        return field;
    }

    [GeneratedRegex(@"\{(?<field>[a-z_.]+)(=(?<pattern>[^}]*))?\}")]
    private static partial Regex VariablePattern();
}
