using System.Diagnostics;
using System.Text.Json;
using MissionOps.Testing;

namespace MissionOps.Deployment.Tests.Images;

/// <summary>What MSBuild says a project's image will be: its container properties and items, evaluated without building.</summary>
public sealed record ProjectProperties(IReadOnlyDictionary<string, string> Properties, IReadOnlyDictionary<string, IReadOnlyList<(string Include, IReadOnlyDictionary<string, string> Metadata)>> Items)
{
    public static async Task<ProjectProperties> EvaluateAsync(string project, string[] properties, string[] items)
    {
        var evaluated = await CommandRun.RunAsync(new ProcessStartInfo("dotnet", new[] { "msbuild", project, "-nologo", $"-p:Configuration={Repository.Configuration}" }
            .Concat(properties.Select(p => $"-getProperty:{p}")).Concat(items.Select(i => $"-getItem:{i}")))
        { WorkingDirectory = Repository.Root }, TimeSpan.FromMinutes(2));
        Assert.True(evaluated.ExitCode == 0, $"dotnet msbuild {project}: {evaluated.All}");

        using var json = JsonDocument.Parse(evaluated.Output);
        // MSBuild leaves out the section nothing was asked of.
        return new ProjectProperties(
            Section(json, "Properties").ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty),
            Section(json, "Items").ToDictionary(
                i => i.Name,
                i => (IReadOnlyList<(string, IReadOnlyDictionary<string, string>)>)i.Value.EnumerateArray()
                    .Select(e => (e.GetProperty("Identity").GetString()!, (IReadOnlyDictionary<string, string>)e.EnumerateObject()
                        .ToDictionary(m => m.Name, m => m.Value.GetString() ?? string.Empty)))
                    .ToList()));
    }

    private static IEnumerable<JsonProperty> Section(JsonDocument json, string name) =>
        json.RootElement.TryGetProperty(name, out var section) ? section.EnumerateObject().ToList() : [];
}
