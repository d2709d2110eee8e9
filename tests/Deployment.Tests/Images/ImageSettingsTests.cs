using k8s.Models;
using MissionOps.Deployment.Tests.Kubernetes;
using MissionOps.ServiceDefaults;

namespace MissionOps.Deployment.Tests.Images;

/// <summary>The images the SDK would build (dotnet publish -t:PublishContainer) are the ones the manifests run, as they run them.</summary>
public sealed class ImageSettingsTests
{
    [Fact]
    public async Task Each_project_builds_the_image_the_manifests_run_with_its_user_and_ports()
    {
        var projects = ServiceNames.All.Select(s => (Name: s, Path: $"services/{char.ToUpperInvariant(s[0])}{s[1..]}/{char.ToUpperInvariant(s[0])}{s[1..]}.csproj"))
            .Append((Name: "board", Path: "services/Board/Board.csproj"));
        var evaluated = await Task.WhenAll(projects.Select(async p => (p.Name, Settings: await ProjectProperties.EvaluateAsync(p.Path,
            ["EnableSdkContainerSupport", "ContainerRepository", "ContainerUser"], ["ContainerPort", "ContainerEnvironmentVariable"]))));

        var production = RenderedManifests.Of("production");
        foreach (var (name, settings) in evaluated)
        {
            Assert.Equal("true", settings.Properties["EnableSdkContainerSupport"]);
            Assert.Equal($"missionops/{name}", settings.Properties["ContainerRepository"]);

            var pod = production.Named<V1Deployment>(name).Spec.Template.Spec;
            var container = Assert.Single(pod.Containers);
            Assert.EndsWith($"/{settings.Properties["ContainerRepository"]}:1.0.0", container.Image, StringComparison.Ordinal);
            Assert.Equal(settings.Properties["ContainerUser"], pod.SecurityContext.RunAsUser.ToString());
            Assert.Equal(settings.Items["ContainerPort"].Select(p => int.Parse(p.Include, System.Globalization.CultureInfo.InvariantCulture)).Order(),
                container.Ports.Select(p => p.ContainerPort).Order());

            // Where the image tells Kestrel to listen is where the manifests send calls and probes.
            var environment = settings.Items["ContainerEnvironmentVariable"].ToDictionary(e => e.Include, e => e.Metadata["Value"]);
            if (name == "board")
            {
                Assert.Equal(container.Ports.Single(p => p.Name == "http").ContainerPort.ToString(), environment["ASPNETCORE_HTTP_PORTS"]);
                continue;
            }

            foreach (var (endpoint, protocols) in new[] { ("grpc", "Http2"), ("http", "Http1AndHttp2") })
            {
                Assert.Equal($"http://+:{container.Ports.Single(p => p.Name == endpoint).ContainerPort}", environment[$"Kestrel__Endpoints__{endpoint}__Url"]);
                Assert.Equal(protocols, environment[$"Kestrel__Endpoints__{endpoint}__Protocols"]);
            }
        }
    }
}
