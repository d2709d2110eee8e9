using System.Net;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi;
using Xunit;

namespace MissionOps.Testing;

/// <summary>
/// What a service's OpenAPI document must say of its contract, derived here from the generated code's descriptors and
/// the .proto files, not from the code that writes the document: every HTTP binding at its rule's path and verb, none
/// sharing one, each described by its proto comment, each path parameter declared, a bearer token, refusals as Status.
/// </summary>
public static partial class OpenApiContract
{
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Reads the service's document without a token, as a partner's tool does, and parses it back with Microsoft.OpenApi.</summary>
    public static async Task<OpenApiDocument> ReadAsync(HttpClient anonymous)
    {
        using var response = await anonymous.GetAsync(DocumentPath);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {DocumentPath}: {(int)response.StatusCode} {json}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        var (document, diagnostic) = OpenApiDocument.Parse(json, "json");
        Assert.NotNull(document);
        Assert.Empty(diagnostic?.Errors ?? []);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        return document;
    }

    public static void AssertDescribes(OpenApiDocument document, ServiceDescriptor service)
    {
        var comments = ProtoComments(service.File.Name);
        var bindings = service.Methods.SelectMany(m => Rules(m).Select(rule => (Method: m, Verb: Verb(rule), Path: ExpectedPath(Template(rule))))).ToList();
        Assert.NotEmpty(bindings);

        foreach (var (method, verb, path) in bindings)
        {
            Assert.True(document.Paths.TryGetValue(path, out var item), $"{method.Name}: no path {path} in the document.");
            OpenApiOperation? operation = null;
            Assert.True(item.Operations?.TryGetValue(verb, out operation) == true, $"{method.Name}: no {verb} {path} in the document.");
            Assert.Equal(method.Name, operation!.OperationId);
            Assert.False(string.IsNullOrWhiteSpace(operation.Description), $"{method.Name} has no description.");
            Assert.All(operation.Description!.Split('\n').Where(l => l.Length > 0), line => Assert.Contains(line.Trim(), comments));
            var declared = operation.Parameters?.Where(p => p.In == ParameterLocation.Path && p.Required).Select(p => p.Name).ToHashSet() ?? [];
            Assert.All(PathParameter().Matches(path).Select(m => m.Groups["name"].Value), name => Assert.Contains(name, declared));
            var refusal = Assert.IsType<OpenApiSchemaReference>(operation.Responses?["default"].Content?["application/json"].Schema);
            Assert.Equal("google.rpc.Status", refusal.Reference.Id);
        }

        Assert.Equal(bindings.Count, bindings.Select(b => (b.Verb, b.Path)).Distinct().Count());
        Assert.Equal(bindings.Count, document.Paths.Values.Sum(p => p.Operations?.Count ?? 0));
        var bearer = Assert.Single(document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>()).Value;
        Assert.Equal((SecuritySchemeType.Http, "bearer"), (bearer.Type!.Value, bearer.Scheme));
        Assert.NotEmpty(document.Security ?? []);
    }

    /// <summary>
    /// The rule's template with each wildcard named after the collection before it, as Google's generators name them:
    /// <c>/v1/{name=missions/*/sites/*}</c> is <c>/v1/missions/{missionsId}/sites/{sitesId}</c>.
    /// </summary>
    public static string ExpectedPath(string template) => Variable().Replace(template, v => v.Groups["pattern"].Success
        ? Wildcard().Replace(v.Groups["pattern"].Value, w => $"{w.Groups["collection"].Value}/{{{w.Groups["collection"].Value}Id}}")
        : $"{{{v.Groups["field"].Value}}}");

    private static IEnumerable<HttpRule> Rules(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { } rule ? rule.AdditionalBindings.Prepend(rule) : [];

    private static HttpMethod Verb(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => HttpMethod.Get,
        HttpRule.PatternOneofCase.Post => HttpMethod.Post,
        HttpRule.PatternOneofCase.Patch => HttpMethod.Patch,
        HttpRule.PatternOneofCase.Put => HttpMethod.Put,
        HttpRule.PatternOneofCase.Delete => HttpMethod.Delete,
        _ => new HttpMethod(rule.Custom.Kind),
    };

    private static string Template(HttpRule rule) => rule.Get + rule.Post + rule.Patch + rule.Put + rule.Delete + rule.Custom?.Path;

    /// <summary>Every comment line of the service's .proto file, trimmed.</summary>
    private static HashSet<string> ProtoComments(string protoFile) =>
        File.ReadLines(Path.Combine(RepositoryRoot(), "protos", protoFile))
            .Select(l => l.Trim()).Where(l => l.StartsWith("//", StringComparison.Ordinal)).Select(l => l[2..].Trim())
            .ToHashSet(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MissionOps.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No MissionOps.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\{(?<field>[^=}]+)(=(?<pattern>[^}]+))?\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(?<collection>[^/]+)/\*(?![*])")]
    private static partial Regex Wildcard();

    [GeneratedRegex(@"\{(?<name>[^}]+)\}")]
    private static partial Regex PathParameter();
}
