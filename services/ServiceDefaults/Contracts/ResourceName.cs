using System.Text.RegularExpressions;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>Parses AIP resource names such as <c>missions/minusma/sites/sevare</c> against a pattern.</summary>
public static partial class ResourceName
{
    /// <summary>
    /// The ids of <paramref name="name"/> for a pattern of collection ids
    /// (<c>["missions", "sites"]</c>), or an INVALID_ARGUMENT naming <paramref name="field"/>.
    /// </summary>
    public static string[] Parse(string field, string? name, params string[] collections)
    {
        var ids = TryParse(name, collections);
        if (ids is null)
        {
            var pattern = string.Join('/', collections.Select(c => $"{c}/{{{Singular(c)}}}"));
            throw new InvalidArgumentException(field, string.IsNullOrEmpty(name)
                ? $"is required: a resource name of the form {pattern}"
                : $"'{name}' is not a resource name of the form {pattern}");
        }

        return ids;
    }

    /// <summary>The variable name AIP uses for a collection's ids (<c>drawdownPhases</c> gives <c>drawdown_phase</c>).</summary>
    public static string Singular(string collection)
    {
        var singular = collection.EndsWith('s') ? collection[..^1] : collection;
        return string.Concat(singular.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));
    }

    public static string[]? TryParse(string? name, params string[] collections)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var parts = name.Split('/');
        if (parts.Length != collections.Length * 2)
        {
            return null;
        }

        var ids = new string[collections.Length];
        for (var i = 0; i < collections.Length; i++)
        {
            if (parts[2 * i] != collections[i] || !IsId(parts[(2 * i) + 1]))
            {
                return null;
            }

            ids[i] = parts[(2 * i) + 1];
        }

        return ids;
    }

    /// <summary>Whether <paramref name="id"/> is a resource id: 2 to 63 lower-case letters, digits or hyphens, starting with a letter, not ending with a hyphen.</summary>
    public static bool IsId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
