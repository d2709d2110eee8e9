using System.Reflection;
using k8s;
using k8s.Models;

namespace MissionOps.Deployment.Tests.Kubernetes;

/// <summary>
/// One overlay of deploy/kubernetes as the API server would receive it: rendered, then every object loaded into its
/// typed model, strictly. A kind with no model, or a field its model does not have, fails the load.
/// </summary>
public sealed class RenderedManifests
{
    public static readonly IReadOnlyList<string> Overlays = ["development", "production"];

    private static readonly Dictionary<string, Type> Kinds = KnownKinds();

    private static readonly Dictionary<string, Lazy<RenderedManifests>> Rendered =
        Overlays.ToDictionary(o => o, o => new Lazy<RenderedManifests>(() => new RenderedManifests(o, Load(Kustomize.Render($"overlays/{o}")))));

    private RenderedManifests(string overlay, IReadOnlyList<object> objects)
    {
        Overlay = overlay;
        Objects = objects;
    }

    public string Overlay { get; }

    public IReadOnlyList<object> Objects { get; }

    public static RenderedManifests Of(string overlay) => Rendered[overlay].Value;

    public static IReadOnlyList<object> Load(string yaml) => KubernetesYaml.LoadAllFromString(yaml, Kinds, strict: true);

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T Named<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        All<T>().SingleOrDefault(o => o.Metadata.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"{Overlay}: no {typeof(T).Name} named {name}.");

    /// <summary>Every pod the overlay would run: the Deployments' and the Jobs'.</summary>
    public IEnumerable<(string Workload, V1PodSpec Pod)> PodSpecs() =>
        All<V1Deployment>().Select(d => ($"Deployment {d.Metadata.Name}", d.Spec.Template.Spec))
            .Concat(All<V1Job>().Select(j => ($"Job {j.Metadata.Name}", j.Spec.Template.Spec)));

    /// <summary>The objects' apiVersion/kind, as the Kubernetes API's own models declare them, and CloudNativePG's Cluster.</summary>
    private static Dictionary<string, Type> KnownKinds()
    {
        var kinds = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in typeof(V1Deployment).Assembly.GetTypes().Append(typeof(CloudNativePgCluster)))
        {
            if (type.GetCustomAttribute<KubernetesEntityAttribute>() is { Kind.Length: > 0 } entity && !type.Name.EndsWith("List", StringComparison.Ordinal))
            {
                var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
                kinds.TryAdd($"{apiVersion}/{entity.Kind}", type);
            }
        }

        return kinds;
    }
}
