using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace MissionOps.Deployment.Tests.Kubernetes;

/// <summary>
/// CloudNativePG's <c>Cluster</c> (postgresql.cnpg.io/v1), typed as far as MissionOps's manifests use it, so that a
/// field the operator does not know (or a typo in one) fails the strict load as it would fail the API server.
/// Field names from the operator's API reference, https://cloudnative-pg.io/documentation/current/cloudnative-pg.v1/.
/// </summary>
[KubernetesEntity(Group = "postgresql.cnpg.io", Kind = "Cluster", ApiVersion = "v1", PluralName = "clusters")]
public sealed class CloudNativePgCluster : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "postgresql.cnpg.io/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Cluster";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ClusterSpec Spec { get; set; } = new();

    public sealed class ClusterSpec
    {
        [JsonPropertyName("instances")]
        public int Instances { get; set; }

        [JsonPropertyName("imageName")]
        public string? ImageName { get; set; }

        [JsonPropertyName("bootstrap")]
        public BootstrapConfiguration? Bootstrap { get; set; }

        [JsonPropertyName("storage")]
        public StorageConfiguration? Storage { get; set; }

        [JsonPropertyName("resources")]
        public V1ResourceRequirements? Resources { get; set; }

        [JsonPropertyName("affinity")]
        public AffinityConfiguration? Affinity { get; set; }
    }

    public sealed class BootstrapConfiguration
    {
        [JsonPropertyName("initdb")]
        public BootstrapInitDb? Initdb { get; set; }
    }

    public sealed class BootstrapInitDb
    {
        [JsonPropertyName("database")]
        public string? Database { get; set; }

        [JsonPropertyName("owner")]
        public string? Owner { get; set; }
    }

    public sealed class StorageConfiguration
    {
        [JsonPropertyName("size")]
        public string? Size { get; set; }

        [JsonPropertyName("storageClass")]
        public string? StorageClass { get; set; }
    }

    public sealed class AffinityConfiguration
    {
        [JsonPropertyName("enablePodAntiAffinity")]
        public bool? EnablePodAntiAffinity { get; set; }

        [JsonPropertyName("podAntiAffinityType")]
        public string? PodAntiAffinityType { get; set; }

        [JsonPropertyName("topologyKey")]
        public string? TopologyKey { get; set; }
    }
}
