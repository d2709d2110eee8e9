using System.Text;

namespace MissionOps.ServiceDefaults.Http.OpenApi;

/// <summary>One variable of an HTTP rule's path, e.g. <c>{name=missions/*/sites/*}</c>: the field it binds and the OpenAPI parameters its wildcards become.</summary>
public sealed record PathVariable(string FieldPath, string Template, IReadOnlyList<string> Parameters);

/// <summary>
/// An AIP-127 path template (<c>google.api.http</c>) as an OpenAPI path. Each wildcard of a variable becomes a parameter
/// named after the collection before it, as Google's generators do: <c>/v1/{name=missions/*/sites/*}:recordClosure</c> is
/// <c>/v1/missions/{missionsId}/sites/{sitesId}:recordClosure</c>, so two resources never share a path.
/// </summary>
public sealed record HttpPathTemplate(string Path, IReadOnlyList<PathVariable> Variables)
{
    public static HttpPathTemplate Parse(string template)
    {
        var path = new StringBuilder();
        var variables = new List<PathVariable>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                path.Append(template, at, template.Length - at);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"The path template {template} opens a variable it does not close.");
            }

            path.Append(template, at, open - at);
            variables.Add(Variable(template[(open + 1)..close], path, taken));
            at = close + 1;
        }

        return new HttpPathTemplate(path.ToString(), variables);
    }

    private static PathVariable Variable(string variable, StringBuilder path, HashSet<string> taken)
    {
        var equals = variable.IndexOf('=', StringComparison.Ordinal);
        var field = equals < 0 ? variable : variable[..equals];
        var segments = (equals < 0 ? "*" : variable[(equals + 1)..]).Split('/');
        var parameters = new List<string>();
        var written = new List<string>();
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is not ("*" or "**"))
            {
                written.Add(segments[i]);
                continue;
            }

            var name = Unique(i > 0 && segments[i - 1] is not ("*" or "**") ? segments[i - 1] + "Id" : field, taken);
            parameters.Add(name);
            written.Add($"{{{name}}}");
        }

        var template = string.Join('/', written);
        path.Append(template);
        return new PathVariable(field, template, parameters);
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = $"{name}{n}";
        }

        return unique;
    }
}
